package com.credentialcatalog.repository;

import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSqlBuilder;
import com.credentialcatalog.query.ProgramSqlBuilder.Sql;
import com.credentialcatalog.query.SortOrder;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filtered, sorted keyset pages of programs, their total and facet counts, over the read model
 * (migration V2): one statement for a page and one for its counts, each over one row per program.
 * Plain JDBC on the pooled data source: a read path needs no entities, no session and no flush.
 */
@ApplicationScoped
public class ProgramSearchRepository {

  /**
   * One program of a page: its key and sort key, today's cost window in the filter's currency and
   * audience (null amounts: not known; GraphQL rows carry none), its renewal cycle, and its
   * prebuilt JSON: the detail and child versions (GraphQL) or the list item's pieces around the
   * cost figures (REST, migration V4).
   */
  public record Row(
      long id,
      String sortKey,
      BigDecimal initialMin,
      BigDecimal initialMax,
      BigDecimal renewalMin,
      BigDecimal renewalMax,
      Integer renewalCycleMin,
      Integer renewalCycleMax,
      String detail,
      String childVersions,
      String summaryHead,
      String summaryTail,
      long totalCount) {}

  /** The size of the filtered set and, per requested facet, the count of each value. */
  public record Counts(long total, Map<Facet, Map<String, Long>> facets) {}

  private static final String COLUMNS = "r.program_id, r.renewal_cycle_min, r.renewal_cycle_max";

  private static final String NO_COST =
      "NULL::numeric AS initial_min, NULL::numeric AS initial_max,"
          + " NULL::numeric AS renewal_min, NULL::numeric AS renewal_max";

  /** The outer select list, in {@link #row}'s column order. */
  private static final String PAGE_COLUMNS =
      "SELECT p.program_id, p.sort_key, p.initial_min, p.initial_max,"
          + " p.renewal_min, p.renewal_max, p.renewal_cycle_min, p.renewal_cycle_max, p.total_count, ";

  private final AgroalDataSource dataSource;

  public ProgramSearchRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Up to {@code limit} rows after the cursor (exclusive), in the requested order.
   *
   * @param withDetail whether each row carries the program's detail JSON as well (GraphQL); without
   *     it, the cost figures of the filter's currency and audience (REST list items)
   * @param withTotal whether each row carries the size of the whole filtered set (-1 otherwise):
   *     counted in the same statement, which saves a round trip per page
   */
  public List<Row> page(
      ProgramFilter filter,
      SortOrder order,
      Cursor after,
      int limit,
      LocalDate today,
      boolean withDetail,
      boolean withTotal) {
    ProgramSqlBuilder builder = new ProgramSqlBuilder(filter, today);
    String dir = order.descending() ? "DESC" : "ASC";
    String beyond = order.descending() ? "<" : ">";
    String orderBy = " ORDER BY sort_key " + dir + " NULLS LAST, program_id " + dir;
    Sql sql = new Sql();
    sql.append(
        PAGE_COLUMNS
            + (withDetail ? "d.detail, d.child_versions, NULL, NULL" : "NULL, NULL, s.head, s.tail")
            + " FROM (SELECT x.*, ");
    if (withTotal) {
      sql.append("(SELECT count(*)").append(builder.tallyFromWhere()).append(")");
    } else {
      sql.append("-1");
    }
    sql.append(" AS total_count FROM (SELECT " + COLUMNS + ", ");
    if (withDetail) {
      sql.append(NO_COST);
    } else {
      sql.append(builder.costColumns());
    }
    sql.append(", ")
        .append(builder.sortKey(order))
        .append(" AS sort_key")
        .append(builder.fromWhere(order, !withDetail))
        .append(") x");
    if (after != null) {
      String type = sqlType(order);
      if (after.value() == null) {
        sql.append(" WHERE sort_key IS NULL AND program_id " + beyond + " ?", after.id());
      } else {
        sql.append(
            " WHERE (sort_key "
                + beyond
                + " CAST(? AS "
                + type
                + ") OR (sort_key = CAST(? AS "
                + type
                + ") AND program_id "
                + beyond
                + " ?) OR sort_key IS NULL)",
            after.value(),
            after.value(),
            after.id());
      }
    }
    sql.append(orderBy + " LIMIT ?) p", limit);
    // Joined to the page only, after the limit: a page reads its own documents and no others.
    sql.append(
        withDetail
            ? " LEFT JOIN program_document d ON d.program_id = p.program_id"
            : " LEFT JOIN program_summary s ON s.program_id = p.program_id");
    sql.append(orderBy);
    return run(sql, ProgramSearchRepository::row);
  }

  /**
   * Total and facet counts of the filtered set in one statement and one pass: one aggregate with a
   * grouping set per facet (and the empty set for the total). Array facets are grouped by the whole
   * array, a few distinct combinations, and counted per value here (their values are distinct, so a
   * program counts once per value).
   */
  public Counts counts(ProgramFilter filter, Set<Facet> facets, LocalDate today) {
    ProgramSqlBuilder builder = new ProgramSqlBuilder(filter, today);
    List<Facet> ordered = List.copyOf(facets);
    StringBuilder select = new StringBuilder("SELECT count(*) AS n");
    StringBuilder sets = new StringBuilder("()");
    StringBuilder grouping = new StringBuilder();
    // Outside the aggregate: providers are grouped by id (hashing a number, not a slug, per row)
    // and named after it, once per provider rather than once per program. Each grouped value is
    // looked up or decoded only on the rows of its own grouping set (elsewhere it is NULL): a join
    // to provider was planned at 1M programs as a nested loop over a materialized provider table,
    // 2,015 groups × ~1,000 providers read, a fifth of the statement.
    StringBuilder outer = new StringBuilder("SELECT f.n");
    for (int i = 0; i < ordered.size(); i++) {
      Facet facet = ordered.get(i);
      String column = ProgramSqlBuilder.tallyColumn(facet);
      select.append(", r.").append(column).append(" AS f").append(i);
      sets.append(", (r.").append(column).append(")");
      grouping.append(grouping.length() == 0 ? "" : ", ").append("r.").append(column);
      String grouped = "f.f" + i;
      if (facet == Facet.PROVIDER) {
        outer.append(
            ", CASE WHEN "
                + grouped
                + " IS NOT NULL THEN (SELECT pv.slug FROM provider pv WHERE pv.id = "
                + grouped
                + ") END");
      } else {
        outer.append(", ").append(ProgramSqlBuilder.tallyValues(facet, grouped));
      }
    }
    Sql sql = new Sql();
    if (ordered.isEmpty()) {
      sql.append(select.toString()).append(builder.tallyFromWhere());
    } else {
      select.append(", GROUPING(").append(grouping).append(") AS g");
      outer.append(", f.g FROM (");
      sql.append(outer.toString())
          .append(select.toString())
          .append(builder.tallyFromWhere())
          .append(" GROUP BY GROUPING SETS (" + sets + ")) f");
    }
    Map<Facet, Map<String, Long>> tallies = new EnumMap<>(Facet.class);
    ordered.forEach(f -> tallies.put(f, new java.util.HashMap<>()));
    long[] total = {0};
    int n = ordered.size();
    run(
        sql,
        rs -> {
          long count = rs.getLong(1);
          int mask = n == 0 ? (1 << n) - 1 : rs.getInt(n + 2);
          // GROUPING() sets a bit per column not grouped in this row's set; the leftmost is the
          // highest.
          if (mask == (1 << n) - 1) {
            total[0] = count;
            return null;
          }
          for (int i = 0; i < n; i++) {
            if ((mask & (1 << (n - 1 - i))) == 0) {
              Facet facet = ordered.get(i);
              Object value = rs.getObject(i + 2);
              if (value instanceof Array array) {
                for (String v : (String[]) array.getArray()) {
                  tallies.get(facet).merge(v, count, Long::sum);
                }
              } else if (value != null) {
                tallies.get(facet).merge(value.toString(), count, Long::sum);
              }
            }
          }
          return null;
        });
    // Most frequent first, then by value: the order REST and GraphQL have always given.
    Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
    tallies.forEach(
        (facet, values) -> {
          Map<String, Long> sorted = new LinkedHashMap<>();
          values.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .forEach(e -> sorted.put(e.getKey(), e.getValue()));
          counts.put(facet, sorted);
        });
    return new Counts(total[0], counts);
  }

  private static String sqlType(SortOrder order) {
    return switch (order.sort()) {
      case NAME -> "text";
      case UPDATED_AT -> "timestamptz";
      case EXAM_MINUTES -> "integer";
      case RELEVANCE, RECOGNITION -> "float8";
      case INITIAL_COST, COST_OF_OWNERSHIP -> "numeric";
    };
  }

  /** By position (see {@link #PAGE_COLUMNS}): by name, pgJDBC looks every column up per row. */
  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        rs.getBigDecimal(3),
        rs.getBigDecimal(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        integer(rs, 7),
        integer(rs, 8),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getLong(9));
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> run(Sql sql, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.text.toString())) {
      int i = 1;
      for (Object p : sql.params) {
        if (p instanceof String[] array) {
          ps.setArray(i++, c.createArrayOf("text", array));
        } else if (p instanceof LocalDate
            || p instanceof BigDecimal
            || p instanceof Integer
            || p instanceof Long
            || p instanceof String) {
          ps.setObject(i++, p);
        } else {
          throw new IllegalArgumentException("Unsupported parameter " + p);
        }
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }
}
