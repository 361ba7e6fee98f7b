package com.credentialcatalog.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Matches normalized names against program aliases: exactly, then by trigram similarity (pg_trgm,
 * GIN index on program_alias.normalized). A whole batch costs two statements.
 */
@ApplicationScoped
public class AliasLookupRepository {

  /** A match of input {@code index} (0-based) to a program through an alias. */
  public record Hit(int index, long programId, String alias, double similarity) {}

  private final EntityManager em;

  public AliasLookupRepository(EntityManager em) {
    this.em = em;
  }

  /** Exact matches of each normalized name. */
  public List<Hit> exact(List<String> normalized) {
    return run(
        "SELECT n.idx - 1, a.program_id, a.alias, 1.0 FROM unnest(?::text[]) WITH ORDINALITY n(name, idx)"
            + " JOIN program_alias a ON a.normalized = n.name",
        normalized,
        null);
  }

  /** Trigram matches above {@code threshold}, best first per input; at most 5 per input. */
  public List<Hit> similar(List<String> normalized, double threshold) {
    // The % operator uses the GIN index with the session threshold; similarity() orders the hits.
    return run(
        "SELECT idx - 1, program_id, alias, sim FROM (SELECT n.idx, a.program_id, a.alias,"
            + " similarity(a.normalized, n.name) AS sim, row_number() OVER (PARTITION BY n.idx"
            + " ORDER BY similarity(a.normalized, n.name) DESC, a.id) AS rank"
            + " FROM unnest(?::text[]) WITH ORDINALITY n(name, idx)"
            + " JOIN program_alias a ON a.normalized % n.name) ranked WHERE rank <= 5 ORDER BY idx, sim DESC",
        normalized, threshold);
  }

  private List<Hit> run(String sql, List<String> names, Double threshold) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              if (threshold != null) {
                try (PreparedStatement set =
                    c.prepareStatement(
                        "SELECT set_config('pg_trgm.similarity_threshold', ?, true)")) {
                  set.setString(1, Double.toString(threshold));
                  set.execute();
                }
              }
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", names.toArray()));
                List<Hit> hits = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    hits.add(
                        new Hit(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getDouble(4)));
                  }
                }
                return hits;
              }
            });
  }
}
