package com.credentialcatalog.query;

import com.credentialcatalog.domain.PriceAudience;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that turns a {@link ProgramFilter} and a {@link SortOrder} into SQL. Every value
 * is a bound parameter; only fixed fragments of this class are concatenated.
 *
 * <p>Per-program facts (initial cost, shortest exam, easiest experience bar…) are computed with
 * correlated LATERAL/EXISTS subqueries over the program's own rows, so the planner starts from the
 * selective side and a generic prepared-statement plan stays a good plan (DESIGN §6).
 */
public final class ProgramSqlBuilder {

  /** Bound parameters in order; arrays are {@code String[]} bound as {@code text[]}. */
  public static final class Sql {
    public final StringBuilder text = new StringBuilder();
    public final List<Object> params = new ArrayList<>();

    Sql append(String fragment, Object... values) {
      text.append(fragment);
      params.addAll(List.of(values));
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
   * {@code SELECT p.id, <sort key> AS sort_key FROM program p ... WHERE <filter>} — the filtered
   * set with the sort key of each row; callers wrap it for pages, counts and facets.
   */
  public Sql filteredWithSortKey(SortOrder order) {
    Sql sql = new Sql();
    sql.append("SELECT p.id, ");
    appendSortKey(sql, order);
    sql.append(" AS sort_key FROM program p");
    appendWhere(sql);
    return sql;
  }

  /** {@code SELECT p.id FROM program p WHERE <filter>}. */
  public Sql filtered() {
    Sql sql = new Sql();
    sql.append("SELECT p.id FROM program p");
    appendWhere(sql);
    return sql;
  }

  private void appendWhere(Sql sql) {
    sql.append(" WHERE true");
    if (!filter.providers().isEmpty()) {
      sql.append(" AND p.provider_id IN (SELECT id FROM provider WHERE slug = ANY(?))",
          (Object) filter.providers().toArray(String[]::new));
    }
    inList(sql, "p.credential_type", filter.types());
    inList(sql, "p.level", filter.levels());
    inList(sql, "p.status", filter.statuses());
    overlaps(sql, "p.audience_roles", filter.audiences());
    overlaps(sql, "p.competencies", filter.competencies());
    overlaps(sql, "p.delivery_modes", filter.deliveryModes());
    overlaps(sql, "p.languages", filter.languages());
    if (!filter.proctoring().isEmpty()) {
      sql.append(" AND EXISTS (SELECT 1 FROM exam_format e WHERE e.program_id = p.id AND e.proctoring && ?)",
          (Object) names(filter.proctoring()));
    }
    if (filter.q() != null) {
      sql.append(" AND (p.search_vector @@ websearch_to_tsquery('simple', ?)"
          + " OR p.search_vector @@ websearch_to_tsquery('english', ?))", filter.q(), filter.q());
    }
    if (filter.priceMin() != null || filter.priceMax() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM (");
      appendInitialCost(sql);
      sql.append(") ic WHERE ic.cost_min IS NOT NULL");
      if (filter.priceMin() != null) {
        sql.append(" AND ic.cost_max >= ?", filter.priceMin());
      }
      if (filter.priceMax() != null) {
        sql.append(" AND ic.cost_min <= ?", filter.priceMax());
      }
      sql.append(")");
    }
    if (filter.examMinutesMax() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM exam_format e WHERE e.program_id = p.id"
          + " AND e.duration_minutes_min <= ?)", filter.examMinutesMax());
    }
    if (filter.experienceMonthsMax() != null) {
      // A route qualifies when none of its experience conditions asks more (or an unknown amount).
      sql.append(" AND EXISTS (SELECT 1 FROM eligibility_route r WHERE r.program_id = p.id"
          + " AND NOT EXISTS (SELECT 1 FROM eligibility_condition c WHERE c.route_id = r.id"
          + " AND c.kind = 'EXPERIENCE_MONTHS' AND (c.value_min IS NULL OR c.value_min > ?)))",
          filter.experienceMonthsMax());
    }
    if (filter.renewalCycleYearsMin() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM renewal_policy rp WHERE rp.program_id = p.id"
          + " AND coalesce(rp.cycle_years_max, rp.cycle_years_min) >= ?)", filter.renewalCycleYearsMin());
    }
    if (filter.creditsMax() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM renewal_policy rp WHERE rp.program_id = p.id"
          + " AND rp.credits_min <= ?)", filter.creditsMax());
    }
    if (filter.recognizedIn() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM recognition_signal rs WHERE rs.program_id = p.id"
          + " AND rs.region = ?)", filter.recognizedIn());
    }
  }

  private void appendSortKey(Sql sql, SortOrder order) {
    switch (order.sort()) {
      case NAME -> sql.append("lower(p.name)");
      case UPDATED_AT -> sql.append("p.updated_at");
      case EXAM_MINUTES -> sql.append(
          "(SELECT min(e.duration_minutes_min) FROM exam_format e WHERE e.program_id = p.id)");
      case RELEVANCE -> {
        if (filter.q() == null) {
          throw new InvalidQueryException("sort", "Sorting by relevance needs a search text q");
        }
        sql.append("ts_rank(p.search_vector, websearch_to_tsquery('simple', ?)"
            + " || websearch_to_tsquery('english', ?))::float8", filter.q(), filter.q());
      }
      case INITIAL_COST -> {
        sql.append("(SELECT ic.cost_min FROM (");
        appendInitialCost(sql);
        sql.append(") ic)");
      }
      case COST_OF_OWNERSHIP -> {
        sql.append("(SELECT ic.cost_min + coalesce((SELECT floor(?::numeric"
            + " / coalesce(rp.cycle_years_max, rp.cycle_years_min)) * rf.fee_min"
            + " FROM renewal_policy rp, (", order.horizonYears());
        appendFee(sql, "pr.fee_type = 'RENEWAL'");
        sql.append(") rf WHERE rp.program_id = p.id AND rp.cycle_years_min IS NOT NULL), 0) FROM (");
        appendInitialCost(sql);
        sql.append(") ic)");
      }
      case RECOGNITION -> sql.append("(SELECT sum(rs.postings_matched)::float8"
          + " / nullif(sum(rs.postings_scanned), 0) FROM recognition_signal rs"
          + " WHERE rs.program_id = p.id AND rs.kind = 'JOB_POSTING_MENTIONS')");
    }
  }

  /**
   * One row (cost_min, cost_max) of the program's required initial fees: per fee type the cheapest
   * and dearest alternative, summed. Mirrors {@code CostOfOwnershipCalculator}; a test keeps the
   * two in agreement.
   */
  private void appendInitialCost(Sql sql) {
    sql.append("SELECT sum(f.fee_min) AS cost_min, sum(f.fee_max) AS cost_max FROM (");
    appendFee(sql, "pr.required_for_award AND pr.fee_type <> 'RENEWAL'");
    sql.append(" GROUP BY pr.fee_type) f");
  }

  /**
   * Fees in force today, in the filter's currency, for the filter's audience: rows for that
   * audience where a fee type has them, otherwise the rows for anyone.
   */
  private void appendFee(Sql sql, String condition) {
    sql.append("SELECT min(pr.amount_min) AS fee_min, max(pr.amount_max) AS fee_max FROM price pr"
        + " WHERE pr.program_id = p.id AND " + condition + " AND pr.currency = ?"
        + " AND (pr.valid_from IS NULL OR pr.valid_from <= ?) AND (pr.valid_to IS NULL OR pr.valid_to > ?)",
        filter.currency(), today, today);
    PriceAudience audience = filter.priceAudience();
    if (audience != null && audience != PriceAudience.ANY) {
      sql.append(" AND (pr.audience = ? OR (pr.audience = 'ANY' AND NOT EXISTS (SELECT 1 FROM price o"
          + " WHERE o.program_id = pr.program_id AND o.fee_type = pr.fee_type AND o.audience = ?"
          + " AND o.currency = pr.currency AND o.required_for_award = pr.required_for_award"
          + " AND (o.valid_from IS NULL OR o.valid_from <= ?) AND (o.valid_to IS NULL OR o.valid_to > ?))))",
          audience.name(), audience.name(), today, today);
    }
  }

  private static void inList(Sql sql, String column, List<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      sql.append(" AND " + column + " = ANY(?)", (Object) names(values));
    }
  }

  private static void overlaps(Sql sql, String column, List<?> values) {
    if (!values.isEmpty()) {
      sql.append(" AND " + column + " && ?", (Object) values.stream()
          .map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).toArray(String[]::new));
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

  static String joined(List<String> values) {
    return values.stream().collect(Collectors.joining(","));
  }
}
