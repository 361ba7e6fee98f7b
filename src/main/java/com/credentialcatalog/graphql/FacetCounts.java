package com.credentialcatalog.graphql;

import com.credentialcatalog.query.Facet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The counts of one facet's values over a filtered set of programs. */
@Type("FacetCounts")
@Description(
    "How many programs of the filtered set have each value of a field, most frequent first.")
public record FacetCounts(@NonNull Facet field, @NonNull List<@NonNull FacetCount> values) {

  /** One value and how many programs have it. */
  @Type("FacetCount")
  public record FacetCount(@NonNull String value, int count) {}
}
