package com.credentialcatalog.repository;

import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSqlBuilder;
import com.credentialcatalog.query.ProgramSqlBuilder.Sql;
import com.credentialcatalog.query.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
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
import org.hibernate.Session;

/**
 * Filtered, sorted keyset pages of program ids, their total and facet counts: two statements per
 * page whatever the filter. The SQL comes from {@link ProgramSqlBuilder}.
 */
@ApplicationScoped
public class ProgramSearchRepository {

  /** One row of a page: the program id and its sort key as text (for the next cursor). */
  public record Row(long id, String sortKey) {}

  /** The size of the filtered set and, per requested facet, the count of each value. */
  public record Counts(long total, Map<Facet, Map<String, Long>> facets) {}

  private final EntityManager em;

  public ProgramSearchRepository(EntityManager em) {
    this.em = em;
  }

  /** Up to {@code limit} rows after the cursor (exclusive), in the requested order. */
  public List<Row> page(ProgramFilter filter, SortOrder order, Cursor after, int limit, LocalDate today) {
    Sql inner = new ProgramSqlBuilder(filter, today).filteredWithSortKey(order);
    Sql sql = new Sql();
    sql.text.append("SELECT id, sort_key::text AS sort_text FROM (").append(inner.text).append(") x");
    sql.params.addAll(inner.params);
    String dir = order.descending() ? "DESC" : "ASC";
    String beyond = order.descending() ? "<" : ">";
    if (after != null) {
      String type = sqlType(order);
      if (after.value() == null) {
        sql.text.append(" WHERE sort_key IS NULL AND id ").append(beyond).append(" ?");
        sql.params.add(after.id());
      } else {
        sql.text.append(" WHERE (sort_key ").append(beyond).append(" CAST(? AS ").append(type)
            .append(") OR (sort_key = CAST(? AS ").append(type).append(") AND id ").append(beyond)
            .append(" ?) OR sort_key IS NULL)");
        sql.params.add(after.value());
        sql.params.add(after.value());
        sql.params.add(after.id());
      }
    }
    sql.text.append(" ORDER BY sort_key ").append(dir).append(" NULLS LAST, id ").append(dir).append(" LIMIT ?");
    sql.params.add(limit);
    return run(sql, rs -> new Row(rs.getLong(1), rs.getString(2)));
  }

  /** Total and facet counts of the filtered set, in one statement. */
  public Counts counts(ProgramFilter filter, Set<Facet> facets, LocalDate today) {
    Sql inner = new ProgramSqlBuilder(filter, today).filtered();
    Sql sql = new Sql();
    sql.text.append("WITH f AS (").append(inner.text).append(") SELECT 'TOTAL', NULL, count(*) FROM f");
    sql.params.addAll(inner.params);
    for (Facet facet : facets) {
      sql.text.append(" UNION ALL ").append(facetSelect(facet));
    }
    Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
    facets.forEach(f -> counts.put(f, new LinkedHashMap<>()));
    long[] total = {0};
    run(sql, rs -> {
      String facet = rs.getString(1);
      if (facet.equals("TOTAL")) {
        total[0] = rs.getLong(3);
      } else if (rs.getString(2) != null) {
        counts.get(Facet.valueOf(facet)).put(rs.getString(2), rs.getLong(3));
      }
      return null;
    });
    return new Counts(total[0], counts);
  }

  private static String facetSelect(Facet facet) {
    String head = "SELECT '" + facet.name() + "', ";
    String tail = " ORDER BY 3 DESC, 2)";
    return switch (facet) {
      case PROVIDER -> "(" + head + "pv.slug, count(*) FROM f JOIN program p ON p.id = f.id"
          + " JOIN provider pv ON pv.id = p.provider_id GROUP BY pv.slug" + tail;
      case TYPE -> scalar(head, "credential_type", tail);
      case LEVEL -> scalar(head, "level", tail);
      case STATUS -> scalar(head, "status", tail);
      case AUDIENCE -> array(head, "audience_roles", tail);
      case COMPETENCY -> array(head, "competencies", tail);
      case DELIVERY -> array(head, "delivery_modes", tail);
      case LANGUAGE -> array(head, "languages", tail);
      case PROCTORING -> "(" + head + "v, count(DISTINCT f.id) FROM f JOIN exam_format e"
          + " ON e.program_id = f.id, unnest(e.proctoring) v GROUP BY v" + tail;
    };
  }

  private static String scalar(String head, String column, String tail) {
    return "(" + head + "p." + column + ", count(*) FROM f JOIN program p ON p.id = f.id GROUP BY p."
        + column + tail;
  }

  private static String array(String head, String column, String tail) {
    return "(" + head + "v, count(*) FROM f JOIN program p ON p.id = f.id, unnest(p." + column
        + ") v GROUP BY v" + tail;
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

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> run(Sql sql, RowMapper<T> mapper) {
    return em.unwrap(Session.class).doReturningWork((Connection c) -> {
      try (PreparedStatement ps = c.prepareStatement(sql.text.toString())) {
        int i = 1;
        for (Object p : sql.params) {
          if (p instanceof String[] array) {
            ps.setArray(i++, c.createArrayOf("text", array));
          } else if (p instanceof LocalDate date) {
            ps.setObject(i++, date);
          } else if (p instanceof BigDecimal || p instanceof Integer || p instanceof Long || p instanceof String) {
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
      }
    });
  }
}
