package com.credentialcatalog.repository;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.view.ProviderView;
import com.credentialcatalog.view.SourceView;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Providers as read-side views, with their program counts and sources: one plain statement for any
 * number of providers (nested under a page of programs, say), no entities.
 */
@ApplicationScoped
public class ProviderReader {

  private final AgroalDataSource dataSource;

  public ProviderReader(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Views of the providers with these slugs; unknown slugs are left out. */
  public Map<String, ProviderView> views(Collection<String> slugs) {
    Map<String, ProviderView> found = new LinkedHashMap<>();
    if (slugs.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pv.slug, pv.name, pv.acronym, pv.kind, pv.website,"
                    + " pv.country, pv.description, (SELECT count(*) FROM program p WHERE p.provider_id = pv.id),"
                    + " s.slug, s.title, s.url, s.publisher, s.as_of_year, s.published_date, s.retrieved_date, s.note,"
                    + " pv.updated_at, pv.version"
                    + " FROM provider pv LEFT JOIN source s ON s.id = pv.source_id WHERE pv.slug = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SourceView source =
              rs.getString(9) == null
                  ? null
                  : new SourceView(
                      rs.getString(9),
                      rs.getString(10),
                      rs.getString(11),
                      rs.getString(12),
                      (Integer) rs.getObject(13),
                      rs.getObject(14, LocalDate.class),
                      rs.getObject(15, LocalDate.class),
                      rs.getString(16));
          found.put(
              rs.getString(1),
              new ProviderView(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  ProviderKind.valueOf(rs.getString(4)),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getLong(8),
                  source,
                  rs.getObject(17, OffsetDateTime.class),
                  rs.getLong(18)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    return found;
  }
}
