package com.credentialcatalog.graphql;

import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.ProgramSort;
import com.credentialcatalog.query.SortOrder;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** The order of a program list, as the {@code sort} and {@code horizonYears} REST parameters. */
@Input("ProgramOrderInput")
@Description(
    "The order of programs. Without a field: NAME, or RELEVANCE (most relevant first) when filter.q is"
        + " given, as GET /api/v1/programs without `sort`. A field without a direction is ascending, as `sort=<field>`;"
        + " DESC is `sort=-<field>`.")
public record ProgramOrderInput(
    @Description("What to order by") ProgramSortField field,
    @Description("ASC (default when a field is given) or DESC") SortDirection direction,
    @Description("Years of ownership for COST_OF_OWNERSHIP, 1–50 (default 3)")
        Integer horizonYears) {

  /**
   * The core sort order.
   *
   * @param searching whether the filter has a search text (the default order is then relevance)
   */
  static SortOrder toOrder(ProgramOrderInput input, boolean searching) {
    int horizon = Bounds.horizonYears(input == null ? null : input.horizonYears());
    SortDirection direction = input == null ? null : input.direction();
    if (input == null || input.field() == null) {
      ProgramSort sort = searching ? ProgramSort.RELEVANCE : ProgramSort.NAME;
      return new SortOrder(
          sort,
          direction == null ? sort.descendingByDefault() : direction == SortDirection.DESC,
          horizon);
    }
    return new SortOrder(input.field().sort(), direction == SortDirection.DESC, horizon);
  }
}
