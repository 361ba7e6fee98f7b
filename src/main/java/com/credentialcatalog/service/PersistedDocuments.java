package com.credentialcatalog.service;

import com.credentialcatalog.service.failure.DatabaseFailures;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of GraphQL documents registered for persisted queries ({@code persisted_query}, V9),
 * shared by every replica. Plain JDBC: one primary-key lookup, one insert or one keyset page, no
 * entity to manage.
 */
@ApplicationScoped
public class PersistedDocuments {

  /** Who registered a document: a client by the APQ protocol, or the operator as trusted. */
  public enum Origin {
    CLIENT,
    TRUSTED
  }

  /** A registered document and who registered it. */
  public record Stored(String document, Origin origin) {}

  /** How a document became trusted (V16): from the trusted-documents directory, or by an admin. */
  public enum TrustedVia {
    DIRECTORY,
    ADMIN
  }

  /**
   * A trusted document with how, by whom (an admin's principal; null from the directory) and when
   * it became trusted; {@code id} orders registrations.
   */
  public record Trusted(
      long id,
      String sha256,
      String document,
      TrustedVia via,
      String trustedBy,
      Instant trustedAt) {}

  /**
   * Said (as a CDI event) after a trusted document was deleted, so that this replica's in-memory
   * copies of it go at once; other replicas drop theirs when they expire.
   */
  public record Deleted(String sha256) {}

  private static final String TRUSTED_COLUMNS =
      "id, sha256, document, trusted_via, trusted_by, trusted_at";

  private final AgroalDataSource dataSource;

  public PersistedDocuments(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The document registered under a hash.
   *
   * @return null when none is
   */
  public Stored find(String sha256) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT document, origin FROM persisted_query WHERE sha256 = ?")) {
      s.setString(1, sha256);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? new Stored(rs.getString(1), Origin.valueOf(rs.getString(2).toUpperCase()))
            : null;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * Registers a document under its hash; a hash already registered is left as it is (a hash names
   * one text). Client documents are refused once {@code maxClientDocuments} of them are stored, so
   * clients cannot grow the table without bound; trusted ones always are stored, and a trusted
   * registration of a document a client registered first makes it trusted.
   *
   * @return whether the document is registered now (false: the clients' bound is reached)
   */
  public boolean register(String sha256, String document, Origin origin, int maxClientDocuments) {
    if (origin == Origin.TRUSTED) {
      trust(sha256, document, TrustedVia.DIRECTORY, null);
      return true;
    }
    // Two replicas racing at the bound may both add one: the bound is a guard against growth, not
    // an exact quota.
    String sql =
        "INSERT INTO persisted_query (sha256, document, origin) SELECT ?, ?, 'client'"
            + " WHERE (SELECT count(*) FROM persisted_query WHERE origin = 'client') < ?"
            + " ON CONFLICT (sha256) DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, sha256);
      s.setString(2, document);
      s.setInt(3, maxClientDocuments);
      return s.executeUpdate() == 1 || find(sha256) != null;
    } catch (SQLException e) {
      throw failure("register", e);
    }
  }

  /**
   * Makes a document trusted under its hash: inserted, or a client's registration of it promoted. A
   * document trusted already is left as it is (who trusted it first stays recorded).
   *
   * @param actor who trusts it (an admin's principal); null from the directory
   * @return whether it became trusted now (false: it was already)
   */
  public boolean trust(String sha256, String document, TrustedVia via, String actor) {
    String sql =
        "INSERT INTO persisted_query"
            + " (sha256, document, origin, trusted_via, trusted_by, trusted_at)"
            + " VALUES (?, ?, 'trusted', ?, ?, now())"
            + " ON CONFLICT (sha256) DO UPDATE SET origin = 'trusted',"
            + " trusted_via = EXCLUDED.trusted_via, trusted_by = EXCLUDED.trusted_by,"
            + " trusted_at = EXCLUDED.trusted_at"
            + " WHERE persisted_query.origin <> 'trusted'";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, sha256);
      s.setString(2, document);
      s.setString(3, via.name().toLowerCase(java.util.Locale.ROOT));
      s.setString(4, actor);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("register", e);
    }
  }

  /**
   * The trusted document registered under a hash.
   *
   * @return null when none is (or the hash names a client's document only)
   */
  public Trusted findTrusted(String sha256) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + TRUSTED_COLUMNS
                    + " FROM persisted_query WHERE sha256 = ? AND origin = 'trusted'")) {
      s.setString(1, sha256);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? trusted(rs) : null;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * Trusted documents in registration order, after a row id: one keyset page.
   *
   * @param afterId the last id of the previous page; 0 for the first page
   * @param limit rows to read (a caller asks one more than it shows, to know of a next page)
   */
  public List<Trusted> trusted(long afterId, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + TRUSTED_COLUMNS
                    + " FROM persisted_query WHERE origin = 'trusted' AND id > ?"
                    + " ORDER BY id LIMIT ?")) {
      s.setLong(1, afterId);
      s.setInt(2, limit);
      List<Trusted> page = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          page.add(trusted(rs));
        }
      }
      return page;
    } catch (SQLException e) {
      throw failure("list", e);
    }
  }

  /**
   * Deletes a trusted document; a client's registration under the hash is not touched.
   *
   * @return whether a trusted document was deleted
   */
  public boolean deleteTrusted(String sha256) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM persisted_query WHERE sha256 = ? AND origin = 'trusted'")) {
      s.setString(1, sha256);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("delete", e);
    }
  }

  /**
   * The hash a document is registered under: the lower-case hex SHA-256 of its exact UTF-8 text, as
   * APQ clients compute it.
   */
  public static String sha256(String document) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static Trusted trusted(ResultSet rs) throws SQLException {
    Timestamp at = rs.getTimestamp(6);
    return new Trusted(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        TrustedVia.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
        rs.getString(5),
        at == null ? null : at.toInstant());
  }

  private static RuntimeException failure(String what, SQLException e) {
    if (DatabaseFailures.isUnavailable(e)) {
      return new DatabaseUnavailableException("The database is unavailable", e);
    }
    return new IllegalStateException("Could not " + what + " a persisted GraphQL document", e);
  }
}
