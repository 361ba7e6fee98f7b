package com.credentialcatalog.query;

import java.util.Arrays;

/** Orders for program lists; ties are broken by the internal id, which keeps cursors stable. */
public enum ProgramSort {
  /** Case-insensitive name. */
  NAME("name", false),
  /** Lower bound of the required initial cost (currency, audience from the filter). */
  INITIAL_COST("initialCost", false),
  /** Lower bound of the cost of ownership over {@code horizonYears}. */
  COST_OF_OWNERSHIP("costOfOwnership", false),
  /** Shortest exam duration. */
  EXAM_MINUTES("examMinutes", false),
  /** Last change. */
  UPDATED_AT("updatedAt", true),
  /** Full-text rank; needs {@code q}. */
  RELEVANCE("relevance", true),
  /** Share of scanned job postings that mention the program (recognition). */
  RECOGNITION("recognition", true);

  private final String parameter;
  private final boolean descendingByDefault;

  ProgramSort(String parameter, boolean descendingByDefault) {
    this.parameter = parameter;
    this.descendingByDefault = descendingByDefault;
  }

  public String parameter() {
    return parameter;
  }

  public boolean descendingByDefault() {
    return descendingByDefault;
  }

  /** The failure of a relevance order without a search text to rank by. */
  public static InvalidInputException relevanceWithoutText() {
    return InvalidInputException.of(
        "sort",
        InvalidInputException.Kind.INCONSISTENT,
        "Sorting by relevance needs a search text {q}");
  }

  /**
   * The REST spelling ({@code costOfOwnership}, {@code -updatedAt} for descending) as an order.
   *
   * @throws InvalidInputException for an unknown order
   */
  public static SortOrder parse(String value, int horizonYears) {
    boolean descending = value.startsWith("-");
    String name = value.replaceFirst("^[-+]", "");
    ProgramSort sort = fromParameter(name);
    if (sort == null) {
      throw InvalidInputException.of(
          "sort",
          InvalidInputException.Kind.UNKNOWN_VALUE,
          "Unknown sort '%s'; use one of %s",
          name,
          Arrays.stream(values()).map(ProgramSort::parameter).toList());
    }
    return new SortOrder(sort, descending, horizonYears);
  }

  /** Parses the REST spelling ({@code costOfOwnership}) or the enum name; null when unknown. */
  public static ProgramSort fromParameter(String value) {
    return Arrays.stream(values())
        .filter(s -> s.parameter.equalsIgnoreCase(value) || s.name().equalsIgnoreCase(value))
        .findFirst()
        .orElse(null);
  }
}
