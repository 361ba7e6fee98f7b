package com.credentialcatalog.query;

import com.credentialcatalog.domain.PriceAudience;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns a {@link ProgramFilter} and a {@link SortOrder} into SQL. Every value is
 * a bound parameter; only fixed fragments of this class are concatenated.
 *
 * <p>It reads the read model (migration V2): {@code program_read r}, one row per program with the
 * figures filters and sorts use, joined to the program's cost window in force today ({@code
 * program_cost c}, for the filter's currency and audience). So a filter is a condition on columns
 * of one row, and nothing per program is computed at query time.
 */
public final class ProgramSqlBuilder {

  /** Bound parameters in order; arrays are {@code String[]} bound as {@code text[]}. */
  public static final class Sql {
    public final StringBuilder text = new StringBuilder();
    public final List<Object> params = new ArrayList<>();

    public Sql append(String fragment, Object... values) {
      text.append(fragment);
      params.addAll(List.of(values));
      return this;
    }

    public Sql append(Sql other) {
      text.append(other.text);
      params.addAll(other.params);
      return this;
    }
  }

  private final ProgramFilter filter;
  private final LocalDate today;

  public ProgramSqlBuilder(ProgramFilter filter, LocalDate today) {
    this.filter = filter;
    this.today = today;
  }

  /**
   * {@code FROM program_read r [LEFT JOIN program_cost c ...] WHERE <filter>}: the filtered set.
   * The cost window of today (filter's currency) is joined only for a cost sort or a caller that
   * shows cost figures; price bounds need no join.
   *
   * @param withCost whether the caller selects the cost columns ({@link #costColumns()})
   */
  public Sql fromWhere(SortOrder order, boolean withCost) {
    Sql sql = new Sql();
    sql.append(" FROM program_read r");
    if (withCost || needsCost(order)) {
      // Only for a row whose own window does not answer (see cost()): OFFSET 0 keeps the subquery
      // apart, so the guard skips the lookup instead of filtering its result.
      sql.append(" LEFT JOIN LATERAL (SELECT * FROM program_cost c WHERE NOT (")
          .append(rowWindowHolds())
          .append(
              ") AND c.program_id = r.program_id AND c.currency = ? AND c.valid_from <= ? AND c.valid_to > ?"
                  + " OFFSET 0) c ON true",
              filter.currency(),
              today,
              today);
    }
    appendWhere(sql, false);
    return sql;
  }

  /**
   * {@code FROM program_tally r WHERE <filter>}: the filtered set for counting (totals, facets).
   * The tally (migration V11) is a narrow copy of the read rows with the four enum arrays as bit
   * sets; the filter means the same on both tables.
   */
  public Sql tallyFromWhere() {
    Sql sql = new Sql();
    sql.append(" FROM program_tally r");
    appendWhere(sql, true);
    return sql;
  }

  /** The tally column a facet groups by (in {@link #tallyFromWhere()}'s {@code r}). */
  public static String tallyColumn(Facet facet) {
    return switch (facet) {
      case PROVIDER -> "provider_id";
      case TYPE -> "credential_type";
      case LEVEL -> "level";
      case STATUS -> "status";
      case AUDIENCE -> "audience_bits";
      case COMPETENCY -> "competency_bits";
      case DELIVERY -> "delivery_bits";
      case LANGUAGE -> "languages";
      case PROCTORING -> "proctoring_bits";
    };
  }

  /**
   * The values of a grouped tally column as a facet shows them: a bit set decoded into the text
   * array of its values, anything else as it is. The decoding runs only where the value is there:
   * in a grouping-sets result every other set's rows hold NULL in this column.
   *
   * @param grouped the SQL expression of the grouped value
   */
  public static String tallyValues(Facet facet, String grouped) {
    String kind = bitSetKind(facet);
    return kind == null
        ? grouped
        : "CASE WHEN "
            + grouped
            + " IS NOT NULL THEN rm_values("
            + grouped
            + ", '"
            + kind
            + "') END";
  }

  /** The vocabulary of a bit-set column (migration V11's rm_vocabulary), or null. */
  private static String bitSetKind(Facet facet) {
    return switch (facet) {
      case AUDIENCE -> "audience";
      case COMPETENCY -> "competency";
      case DELIVERY -> "delivery";
      case PROCTORING -> "proctoring";
      default -> null;
    };
  }

  /**
   * The cost figures of the filter's audience, as initial_min, initial_max, renewal_min,
   * renewal_max.
   */
  public Sql costColumns() {
    return new Sql()
        .append(cost("initial_min"))
        .append(" AS initial_min, ")
        .append(cost("initial_max"))
        .append(" AS initial_max, ")
        .append(cost("renewal_min"))
        .append(" AS renewal_min, ")
        .append(cost("renewal_max"))
        .append(" AS renewal_max");
  }

  /**
   * One figure of today's cost window in the filter's currency and audience: from the row when its
   * own window is that one (most programs: priced in one currency, or in the default one), else
   * from program_cost. Both hold the same window's figures, so the answer is the same.
   */
  private Sql cost(String figure) {
    String column = audiencePrefix() + figure;
    String own =
        figure.startsWith("initial")
            ? "round(r." + column + "_cents::numeric / 100, 2)" // cents of a numeric(14,2): exact
            : "r." + column;
    return new Sql()
        .append("CASE WHEN ")
        .append(rowWindowHolds())
        .append(" THEN " + own + " ELSE c." + column + " END");
  }

  /** Whether the row's own cost window is today's in the filter's currency. */
  private Sql rowWindowHolds() {
    return new Sql()
        .append(
            "r.cost_currency = ? AND r.cost_valid_from <= ? AND r.cost_valid_to > ?",
            filter.currency(),
            today,
            today);
  }

  private boolean needsCost(SortOrder order) {
    return order != null
        && (order.sort() == ProgramSort.INITIAL_COST
            || order.sort() == ProgramSort.COST_OF_OWNERSHIP);
  }

  /** The bounds against a row's cents (exact: max ≥ min bound ⟺ max cents ≥ ⌈bound × 100⌉). */
  private void appendCentBounds(Sql sql, String columns) {
    // An unknown cost compares as NULL: the row is left out, as an unknown never satisfies a bound.
    if (filter.priceMin() != null) {
      sql.append(
          " AND " + columns + "initial_max_cents >= ?",
          cents(filter.priceMin(), RoundingMode.CEILING));
    }
    if (filter.priceMax() != null) {
      sql.append(
          " AND " + columns + "initial_min_cents <= ?",
          cents(filter.priceMax(), RoundingMode.FLOOR));
    }
  }

  /** An amount in cents, rounded as given; beyond the range of stored amounts, clamped. */
  static long cents(BigDecimal amount, RoundingMode rounding) {
    BigDecimal cents = amount.movePointRight(2).setScale(0, rounding);
    if (cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (cents.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return cents.longValue();
  }

  private void appendBounds(Sql sql, String columns) {
    sql.append(" AND " + columns + "initial_min IS NOT NULL");
    if (filter.priceMin() != null) {
      sql.append(" AND " + columns + "initial_max >= ?", filter.priceMin());
    }
    if (filter.priceMax() != null) {
      sql.append(" AND " + columns + "initial_min <= ?", filter.priceMax());
    }
  }

  /** The column group of the filter's audience: only fixed names, never client text. */
  private String audiencePrefix() {
    PriceAudience audience =
        filter.priceAudience() == null ? PriceAudience.ANY : filter.priceAudience();
    return switch (audience) {
      case ANY -> "any_";
      case MEMBER -> "member_";
      case NON_MEMBER -> "non_member_";
    };
  }

  /** The sort key expression of the order, over the columns of {@link #fromWhere()}. */
  public Sql sortKey(SortOrder order) {
    Sql sql = new Sql();
    switch (order.sort()) {
      case NAME -> sql.append("r.name_key");
      case UPDATED_AT -> sql.append("r.updated_at");
      case EXAM_MINUTES -> sql.append("r.exam_minutes");
      case RELEVANCE -> {
        if (filter.q() == null) {
          throw ProgramSort.relevanceWithoutText();
        }
        sql.append(
            "(SELECT ts_rank(sp.search_vector, websearch_to_tsquery('simple', ?)"
                + " || websearch_to_tsquery('english', ?))::float8 FROM program sp WHERE sp.id = r.program_id)",
            filter.q(),
            filter.q());
      }
      case INITIAL_COST -> sql.append(cost("initial_min"));
      // CostOfOwnershipCalculator's min: the cheapest options, the longest cycle.
      case COST_OF_OWNERSHIP ->
          sql.append("(")
              .append(cost("initial_min"))
              .append(
                  " + coalesce(floor(?::numeric"
                      + " / CASE WHEN r.renewal_cycle_min IS NOT NULL THEN coalesce(r.renewal_cycle_max, r.renewal_cycle_min) END)"
                      + " * ",
                  order.horizonYears())
              .append(cost("renewal_min"))
              .append(", 0))");
      case RECOGNITION -> sql.append("r.posting_rank");
    }
    return sql;
  }

  private void appendWhere(Sql sql, boolean tally) {
    sql.append(" WHERE true");
    if (!filter.providers().isEmpty()) {
      String[] slugs = filter.providers().toArray(String[]::new);
      if (tally) {
        sql.append(
            " AND r.provider_id IN (SELECT pv.id FROM provider pv WHERE pv.slug = ANY(?))",
            (Object) slugs);
      } else {
        sql.append(" AND r.provider_slug = ANY(?)", (Object) slugs);
      }
    }
    inList(sql, "r.credential_type", filter.types());
    inList(sql, "r.level", filter.levels());
    inList(sql, "r.status", filter.statuses());
    overlaps(sql, tally, Facet.AUDIENCE, "r.audience_roles", filter.audiences());
    overlaps(sql, tally, Facet.COMPETENCY, "r.competencies", filter.competencies());
    overlaps(sql, tally, Facet.DELIVERY, "r.delivery_modes", filter.deliveryModes());
    overlaps(sql, false, Facet.LANGUAGE, "r.languages", filter.languages());
    overlaps(sql, tally, Facet.PROCTORING, "r.proctoring", filter.proctoring());
    if (filter.q() != null) {
      // The search vector stays on program (kept by V1's triggers, GIN-indexed): text search is
      // selective, and the read rows stay narrow for the scans of counts and facets.
      sql.append(
          " AND r.program_id IN (SELECT sp.id FROM program sp WHERE sp.search_vector @@ websearch_to_tsquery('simple', ?)"
              + " OR sp.search_vector @@ websearch_to_tsquery('english', ?))",
          filter.q(),
          filter.q());
    }
    if (filter.priceMin() != null || filter.priceMax() != null) {
      // Ranges compare by overlap; an unknown cost never satisfies a bound. Today's window is on
      // the row itself for a program priced in one currency, or in the default one among several
      // (no join: broad counts stay cheap); a program with no price in the currency leaves at
      // once; any other case reads the program's window from program_cost.
      String a = audiencePrefix();
      String holds = " r.cost_valid_from <= ? AND r.cost_valid_to > ? AND r.cost_currency = ?";
      // Cheapest tests first: most rows of a broad filter leave at the bounds.
      sql.append(" AND ((true");
      appendCentBounds(sql, "r." + a);
      sql.append(" AND" + holds + ")", today, today, filter.currency());
      sql.append(
          " OR (NOT (" + holds + ") AND ? = ANY(r.cost_currencies)",
          today,
          today,
          filter.currency(),
          filter.currency());
      // A correlated probe, not EXISTS: the planner would hash the whole table for EXISTS,
      // while this runs only for the few rows that reach it.
      sql.append(
          " AND coalesce((SELECT true FROM program_cost w WHERE w.program_id = r.program_id AND w.currency = ?"
              + " AND w.valid_from <= ? AND w.valid_to > ?",
          filter.currency(),
          today,
          today);
      appendBounds(sql, "w." + a);
      sql.append(" LIMIT 1), false)))");
    }
    if (filter.examMinutesMax() != null) {
      sql.append(" AND r.exam_minutes <= ?", filter.examMinutesMax());
    }
    if (filter.experienceMonthsMax() != null) {
      sql.append(" AND r.experience_months <= ?", filter.experienceMonthsMax());
    }
    if (filter.renewalCycleYearsMin() != null) {
      sql.append(
          " AND coalesce(r.renewal_cycle_max, r.renewal_cycle_min) >= ?",
          filter.renewalCycleYearsMin());
    }
    if (filter.creditsMax() != null) {
      sql.append(" AND r.renewal_credits_min <= ?", filter.creditsMax());
    }
    if (filter.recognizedIn() != null) {
      sql.append(" AND r.recognition_regions @> ARRAY[?]::text[]", filter.recognizedIn());
    }
    if (filter.recognitionSignalsMin() != null) {
      sql.append(" AND r.recognition_signals >= ?", filter.recognitionSignalsMin().longValue());
    }
  }

  private static void inList(Sql sql, String column, List<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      sql.append(" AND " + column + " = ANY(?)", (Object) names(values));
    }
  }

  /**
   * Any of the values: a text-array overlap on the read rows, a bit test on the tally's bit sets
   * (the mask computed once per statement, as an InitPlan, whatever plan the statement gets).
   */
  private static void overlaps(Sql sql, boolean tally, Facet facet, String column, List<?> values) {
    if (values.isEmpty()) {
      return;
    }
    Object names =
        values.stream()
            .map(v -> v instanceof Enum<?> e ? e.name() : v.toString())
            .toArray(String[]::new);
    String kind = bitSetKind(facet);
    if (tally && kind != null) {
      sql.append(
          " AND (r." + tallyColumn(facet) + " & (SELECT rm_bits(?::text[], '" + kind + "'))) <> 0",
          names);
    } else {
      sql.append(" AND " + column + " && ?", names);
    }
  }

  private static String[] names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }

  /** A stable text of the filter and sort, for cursors and cache keys. */
  public static String fingerprint(ProgramFilter filter, SortOrder order) {
    String text = filter.toString() + "|" + order.toString();
    return Integer.toHexString(text.hashCode()) + Integer.toHexString(text.length());
  }
}
