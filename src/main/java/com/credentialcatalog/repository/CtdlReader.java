package com.credentialcatalog.repository;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.view.ProgramDetail;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the CTDL export reads beyond a program's stored detail document, as plain statements over
 * the tables: organizations with their CTIDs and the programs they own, and the recognizing
 * organizations of recognition signals. Every method takes the connection, so the whole-catalog
 * export reads everything in one snapshot; each runs one statement whatever the number of rows.
 */
@ApplicationScoped
public class CtdlReader {

  /** A provider as a CTDL organization, with the CTIDs of the programs it owns. */
  public record Organization(
      String slug,
      String ctid,
      String name,
      String acronym,
      ProviderKind kind,
      String website,
      String description,
      List<String> ownedProgramCtids) {}

  /** An organization a recognition signal names, by kind. */
  public record Recognizer(RecognitionKind kind, String name, String url) {}

  private static final String ORGANIZATIONS =
      "SELECT pv.slug, pv.ctdl_id, pv.name, pv.acronym, pv.kind, pv.website, pv.description,"
          + " coalesce((SELECT array_agg(p.ctdl_id ORDER BY p.slug) FROM program p"
          + " WHERE p.provider_id = pv.id), '{}')"
          + " FROM provider pv";

  private final ProgramDetailReader details;

  public CtdlReader(ProgramDetailReader details) {
    this.details = details;
  }

  /** The organizations with these slugs; unknown slugs are left out. */
  public Map<String, Organization> organizations(Connection c, Collection<String> slugs) {
    if (slugs.isEmpty()) {
      return new LinkedHashMap<>();
    }
    return organizations(c, ORGANIZATIONS + " WHERE pv.slug = ANY(?) ORDER BY pv.slug", slugs);
  }

  /** Every organization, by slug. */
  public Map<String, Organization> allOrganizations(Connection c) {
    return organizations(c, ORGANIZATIONS + " ORDER BY pv.slug", null);
  }

  /**
   * The organizations that recognition signals of these programs name, per program slug; one per
   * kind and name, job-posting mentions left out (they name a job board, not a recognizer). Null
   * slugs: every program's.
   */
  public Map<String, List<Recognizer>> recognizers(Connection c, Collection<String> programSlugs) {
    String sql =
        "SELECT p.slug, g.kind, g.source_name, min(g.source_url)"
            + " FROM recognition_signal g JOIN program p ON p.id = g.program_id"
            + " WHERE g.kind <> 'JOB_POSTING_MENTIONS' AND g.source_name IS NOT NULL"
            + (programSlugs == null ? "" : " AND p.slug = ANY(?)")
            + " GROUP BY p.slug, g.kind, g.source_name ORDER BY p.slug, g.kind, g.source_name";
    Map<String, List<Recognizer>> found = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (programSlugs != null) {
        ps.setArray(1, c.createArrayOf("text", programSlugs.toArray()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Recognizer(
                      RecognitionKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    return found;
  }

  /**
   * Every program's stored detail, in slug order, streamed with a cursor (the connection must not
   * be in auto-commit) so memory stays flat whatever the catalog's size.
   */
  public void eachProgram(Connection c, Consumer<ProgramDetail> action) {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT detail FROM program_document ORDER BY slug")) {
      ps.setFetchSize(100);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(details.parse(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  private Map<String, Organization> organizations(
      Connection c, String sql, Collection<String> slugs) {
    Map<String, Organization> found = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (slugs != null) {
        ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(
              rs.getString(1),
              new Organization(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  ProviderKind.valueOf(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7),
                  List.of((String[]) rs.getArray(8).getArray())));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    return found;
  }
}
