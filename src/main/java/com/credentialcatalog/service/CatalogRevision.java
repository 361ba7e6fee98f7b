package com.credentialcatalog.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

  /** The current revision (0 for a catalog that never changed). */
  public long current() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM change_event")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the catalog revision", e);
    }
  }
}
