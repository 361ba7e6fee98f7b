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
    kinds = kinds == null ? List.of() : kinds.stream().distinct().toList();
  }

  /**
   * This filter, when it keeps within {@link Bounds}; fields named as this record's components.
   *
   * @throws InvalidInputException naming the first field that breaks a bound
   */
  public ProviderFilter checked() {
    Bounds.country("country", country);
    Bounds.text("q", q);
    Bounds.values("kinds", kinds);
    return this;
  }
}
