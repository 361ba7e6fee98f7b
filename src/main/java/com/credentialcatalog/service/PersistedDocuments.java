package com.credentialcatalog.service;

import com.credentialcatalog.service.failure.DatabaseFailures;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The table of GraphQL documents registered for persisted queries ({@code persisted_query}, V9),
 * shared by every replica. Plain JDBC: one primary-key lookup or one insert, no entity to manage.
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
    String sql =
        origin == Origin.TRUSTED
            ? "INSERT INTO persisted_query (sha256, document, origin) VALUES (?, ?, 'trusted')"
                + " ON CONFLICT (sha256) DO UPDATE SET origin = 'trusted'"
            // Two replicas racing at the bound may both add one: the bound is a guard against
            // growth, not an exact quota.
            : "INSERT INTO persisted_query (sha256, document, origin) SELECT ?, ?, 'client'"
                + " WHERE (SELECT count(*) FROM persisted_query WHERE origin = 'client') < ?"
                + " ON CONFLICT (sha256) DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, sha256);
      s.setString(2, document);
      if (origin == Origin.CLIENT) {
        s.setInt(3, maxClientDocuments);
      }
      return s.executeUpdate() == 1 || find(sha256) != null;
    } catch (SQLException e) {
      throw failure("register", e);
    }
  }

  private static RuntimeException failure(String what, SQLException e) {
    if (DatabaseFailures.isUnavailable(e)) {
      return new DatabaseUnavailableException("The database is unavailable", e);
    }
    return new IllegalStateException("Could not " + what + " a persisted GraphQL document", e);
  }
}
