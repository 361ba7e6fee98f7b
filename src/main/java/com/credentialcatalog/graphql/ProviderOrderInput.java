package com.credentialcatalog.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Input;

/** The order of a provider list, as the {@code sort} REST parameter. */
@Input("ProviderOrderInput")
@Description("The order of providers: NAME (default) or UPDATED_AT; ascending unless DESC.")
public record ProviderOrderInput(ProviderSortField field, SortDirection direction) {

  /** What providers can be ordered by. */
  @Enum("ProviderSortField")
  public enum ProviderSortField {
    NAME,
    UPDATED_AT
  }

  /** The REST spelling the provider service takes: {@code name}, {@code -updatedAt}… */
  static String toSort(ProviderOrderInput input) {
    if (input == null) {
      return "name";
    }
    String key = input.field() == ProviderSortField.UPDATED_AT ? "updatedAt" : "name";
    return (input.direction() == SortDirection.DESC ? "-" : "") + key;
  }
}
