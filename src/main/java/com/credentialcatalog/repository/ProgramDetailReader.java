package com.credentialcatalog.repository;

import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.write.Versioned;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Programs' details as the read model keeps them: the JSON document GET /programs/{slug} serves,
 * prebuilt in {@code program_document.detail}. One statement per call, whatever the number of programs.
 */
@ApplicationScoped
public class ProgramDetailReader {

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  public ProgramDetailReader(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** The detail document of the program with this slug, as JSON text. */
  public Optional<String> json(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT detail FROM program_document WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  /** The detail document of the program with this slug, as JSON text, with the program's version. */
  public Optional<Versioned<String>> versionedJson(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT detail, (detail->>'version')::bigint FROM program_document WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Versioned<>(rs.getString(1), rs.getLong(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  /** The detail of the program with this slug. */
  public Optional<ProgramDetail> find(String slug) {
    return json(slug).map(this::parse);
  }

  /** Details by slug, in the order of {@code slugs}; unknown slugs are left out. */
  public Map<String, ProgramDetail> findBySlugs(Collection<String> slugs) {
    Map<String, ProgramDetail> found = new LinkedHashMap<>();
    if (slugs.isEmpty()) {
      return found;
    }
    Map<String, ProgramDetail> unordered = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT slug, detail FROM program_document WHERE slug = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unordered.put(rs.getString(1), parse(rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    slugs.forEach(s -> {
      if (unordered.containsKey(s)) {
        found.put(s, unordered.get(s));
      }
    });
    return found;
  }

  /** Details by program id; unknown ids are left out. */
  public Map<Long, ProgramDetail> findByIds(Collection<Long> ids) {
    Map<Long, ProgramDetail> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT program_id, detail FROM program_document WHERE program_id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), parse(rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    return found;
  }

  /** Versions of a detail's child rows by id, for clients that write them back (expectedVersion). */
  public record ChildVersions(Map<Long, Long> prices, Map<Long, Long> exams) {}

  /** A program's stored detail with its internal id and its children's versions. */
  public record Stored(long id, ProgramDetail detail, ChildVersions versions) {}

  /** Stored details by program id or by slug (one statement); unknown keys are left out. */
  public Map<Long, Stored> stored(Collection<Long> ids, Collection<String> slugs) {
    Map<Long, Stored> found = new LinkedHashMap<>();
    if (ids.isEmpty() && slugs.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT program_id, detail, child_versions FROM program_document"
            + " WHERE program_id = ANY(?) OR slug = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      ps.setArray(2, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), stored(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    return found;
  }

  /** A stored detail from its columns. */
  public Stored stored(long id, String detail, String childVersions) {
    try {
      return new Stored(id, parse(detail), json.readValue(childVersions, ChildVersions.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored child versions do not match ChildVersions", e);
    }
  }

  /** A stored detail document as the record it was written from. */
  public ProgramDetail parse(String document) {
    try {
      return json.readValue(document, ProgramDetail.class);
    } catch (JsonProcessingException e) {
      // The documents are written by the migration's SQL; a mismatch is a defect of ours.
      throw new IllegalStateException("A stored program detail does not match ProgramDetail", e);
    }
  }
}
