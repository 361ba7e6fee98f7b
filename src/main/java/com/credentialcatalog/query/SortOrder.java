package com.credentialcatalog.query;

/**
 * A sort with its direction and, for cost sorts, the horizon.
 *
 * @param horizonYears years of ownership for COST_OF_OWNERSHIP (1–50)
 */
public record SortOrder(ProgramSort sort, boolean descending, int horizonYears) {

  public static final int DEFAULT_HORIZON_YEARS = Bounds.DEFAULT_HORIZON_YEARS;

  public static SortOrder byName() {
    return new SortOrder(ProgramSort.NAME, false, DEFAULT_HORIZON_YEARS);
  }
}
