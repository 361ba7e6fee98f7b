package com.credentialcatalog.service;

import com.credentialcatalog.service.failure.DatabaseFailures;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The catalog revision: the sequence of the latest change event. Every write appends one in its own
 * transaction, so equal revisions mean an unchanged catalog — across replicas, since it is read
 * from the database (an index-only lookup on the primary key).
 */
@ApplicationScoped
public class CatalogRevision {

  private final AgroalDataSource dataSource;

  public CatalogRevision(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A revision: the latest change's sequence and time (null time for a catalog never changed). */
  public record Revision(long seq, Instant changedAt) {}

  /** The current revision (seq 0 for a catalog that never changed). */
  public long current() {
    return read().seq();
  }

  /** The current revision with the time of the change that made it. */
  public Revision read() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT seq, occurred_at FROM change_event ORDER BY seq DESC LIMIT 1")) {
      if (!rs.next()) {
        return new Revision(0, null);
      }
      return new Revision(rs.getLong(1), rs.getTimestamp(2).toInstant());
    } catch (SQLException e) {
      // Every request reads the revision first (ETags, the response cache), so this is where an
      // outage shows: keep it recognizable so that clients hear "retry later", not "bug".
      if (DatabaseFailures.isUnavailable(e)) {
        throw new DatabaseUnavailableException("The database is unavailable", e);
      }
      throw new IllegalStateException("Could not read the catalog revision", e);
    }
  }
}
