package com.credentialcatalog.graphql;

import com.credentialcatalog.query.ProgramSort;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What programs can be ordered by: the GraphQL names of {@link ProgramSort}. */
@Enum("ProgramSortField")
@Description(
    "What programs can be ordered by; ties are broken by an internal id, which keeps cursors stable.")
public enum ProgramSortField {
  @Description("Case-insensitive name")
  NAME(ProgramSort.NAME),
  @Description("Lower bound of the required initial cost (currency and audience from the filter)")
  INITIAL_COST(ProgramSort.INITIAL_COST),
  @Description("Lower bound of the cost of ownership over horizonYears")
  COST_OF_OWNERSHIP(ProgramSort.COST_OF_OWNERSHIP),
  @Description("Shortest exam duration")
  EXAM_MINUTES(ProgramSort.EXAM_MINUTES),
  @Description("Last change")
  UPDATED_AT(ProgramSort.UPDATED_AT),
  @Description("Full-text rank; needs filter.q")
  RELEVANCE(ProgramSort.RELEVANCE),
  @Description("Share of scanned job postings that mention the program")
  RECOGNITION(ProgramSort.RECOGNITION);

  private final ProgramSort sort;

  ProgramSortField(ProgramSort sort) {
    this.sort = sort;
  }

  ProgramSort sort() {
    return sort;
  }
}
