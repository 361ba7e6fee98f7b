package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.query.InvalidQueryException;
import com.credentialcatalog.query.ProviderFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** The provider filter, as the query parameters of {@code GET /api/v1/providers}. */
@Input("ProviderFilterInput")
@Description("Which providers to select; different fields must all hold.")
public record ProviderFilterInput(
    @Description("Case-insensitive text in name, acronym or description (at most 200 characters)") String q,
    @Description("Kinds (alternatives)") List<ProviderKind> kinds,
    @Description("ISO 3166 alpha-2 country") String country) {

  static ProviderFilter toFilter(ProviderFilterInput input) {
    if (input == null) {
      return new ProviderFilter(null, List.of(), null);
    }
    if (input.country() != null && !input.country().matches("[A-Z]{2}")) {
      throw new InvalidQueryException("filter.country", "country must be an ISO 3166 alpha-2 code such as US");
    }
    if (input.q() != null && input.q().length() > 200) {
      throw new InvalidQueryException("filter.q", "q must be at most 200 characters");
    }
    if (input.kinds() != null && input.kinds().size() > 50) {
      throw new InvalidQueryException("filter.kinds", "at most 50 values for kinds");
    }
    if (input.kinds() != null && input.kinds().contains(null)) {
      // [null] is no kind at all: say so rather than fail on it (found by GraphqlFuzzTest).
      throw new InvalidQueryException("filter.kinds", "kinds must not contain null");
    }
    return new ProviderFilter(input.q(), input.kinds() == null ? List.of() : input.kinds().stream().distinct().toList(),
        input.country());
  }
}
