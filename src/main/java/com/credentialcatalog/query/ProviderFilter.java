package com.credentialcatalog.query;

import com.credentialcatalog.domain.ProviderKind;
import java.util.List;

/**
 * What to select among providers.
 *
 * @param q case-insensitive substring of name, acronym or description
 * @param kinds alternatives (OR)
 * @param country ISO 3166 alpha-2
 */
public record ProviderFilter(String q, List<ProviderKind> kinds, String country) {
  public ProviderFilter {
    q = q == null || q.isBlank() ? null : q.trim();
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
  }
}
