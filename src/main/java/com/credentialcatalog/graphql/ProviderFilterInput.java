package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.query.ProviderFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** The provider filter, as the query parameters of {@code GET /api/v1/providers}. */
@Input("ProviderFilterInput")
@Description("Which providers to select; different fields must all hold.")
public record ProviderFilterInput(
    @Description("Case-insensitive text in name, acronym or description (at most 200 characters)")
        String q,
    @Description("Kinds (alternatives)") List<ProviderKind> kinds,
    @Description("ISO 3166 alpha-2 country") String country) {

  /** The core filter, after the checks {@code GET /api/v1/providers} makes: the core's own. */
  static ProviderFilter toFilter(ProviderFilterInput input) {
    return input == null
        ? new ProviderFilter(null, List.of(), null)
        : new ProviderFilter(input.q(), input.kinds(), input.country()).checked();
  }
}
