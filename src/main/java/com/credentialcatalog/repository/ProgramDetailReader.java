package com.credentialcatalog.repository;

import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.write.Versioned;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Programs' details as the read model keeps them: the JSON document GET /programs/{slug} serves,
 * prebuilt in {@code program_document.detail}. One statement per call, whatever the number of
 * programs.
 */
@ApplicationScoped
public class ProgramDetailReader {

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  /**
   * Reads what the migrations' SQL wrote, nothing a client sent: no storage checks on its text (the
   * application's mapper checks every string it reads, see StrictJson), and the same modules and
   * strictness otherwise.
   */
  private static final ObjectMapper STORED =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /**
   * Child versions are maps keyed by row ids: canonicalizing those names (as Jackson does for a
   * document's few member names) fills and rehashes its symbol table with every id it meets.
   */
  private static final ObjectMapper VERSIONS =
      JsonMapper.builder(
              JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
          .build();

  public ProgramDetailReader(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
    this.json = STORED;
  }

  /** The detail document of the program with this slug, as JSON text. */
  public Optional<String> json(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT detail FROM program_document WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  /**
   * The detail document of the program with this slug, as JSON text, with the program's version.
   */
  public Optional<Versioned<String>> versionedJson(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT detail, (detail->>'version')::bigint FROM program_document WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Versioned<>(rs.getString(1), rs.getLong(2)))
            : Optional.empty();
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
        PreparedStatement ps =
            c.prepareStatement("SELECT slug, detail FROM program_document WHERE slug = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unordered.put(rs.getString(1), parse(rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
    slugs.forEach(
        s -> {
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
        PreparedStatement ps =
            c.prepareStatement(
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

  /**
   * Versions of a detail's child rows by id, for clients that write them back (expectedVersion).
   */
  public record ChildVersions(Map<Long, Long> prices, Map<Long, Long> exams) {}

  /**
   * The members of a detail that are lists of children (or one child): read only when asked for.
   */
  public enum Part {
    ALIASES("aliases"),
    PRICES("prices"),
    EXAMS("exams"),
    RENEWAL("renewal"),
    ELIGIBILITY("eligibility"),
    OUTCOMES("outcomes"),
    SOURCES("sources");

    final String member;

    Part(String member) {
      this.member = member;
    }
  }

  private static final RecordComponent[] COMPONENTS = ProgramDetail.class.getRecordComponents();
  private static final Map<String, Integer> COMPONENT_INDEX = new HashMap<>();
  private static final Map<String, Part> PARTS = new HashMap<>();
  private static final JavaType[] TYPES = new JavaType[COMPONENTS.length];
  private static final Constructor<ProgramDetail> CANONICAL;

  static {
    Class<?>[] types = new Class<?>[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      COMPONENT_INDEX.put(COMPONENTS[i].getName(), i);
      types[i] = COMPONENTS[i].getType();
      TYPES[i] = STORED.constructType(COMPONENTS[i].getGenericType());
    }
    for (Part part : Part.values()) {
      PARTS.put(part.member, part);
    }
    try {
      CANONICAL = ProgramDetail.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * A program's stored detail with its internal id and its children's versions, read as far as it
   * is used: a GraphQL page that asks for names and exams reads those and skips prices, routes and
   * sources, which are most of a document (parsing whole documents was 44% of a page's server
   * time). Reading notes where each member lies in the text; an own fact ({@link #member}) or a
   * {@link Part} is bound when first asked for, from its own span.
   */
  public static final class Stored {
    private final long id;
    private final String document;
    private final String childVersions;
    private final ObjectMapper json;
    private final Object[] own;
    private final int[][] spans = new int[Part.values().length][];
    private final int[][] ownSpans = new int[COMPONENTS.length][];
    private final boolean[] ownBound = new boolean[COMPONENTS.length];
    private final Object[] parts = new Object[Part.values().length];
    private final boolean[] bound = new boolean[Part.values().length];
    private ProgramDetail detail;
    private ChildVersions versions;

    Stored(long id, String document, String childVersions, ObjectMapper json) {
      this.id = id;
      this.document = document;
      this.childVersions = childVersions;
      this.json = json;
      this.own = new Object[COMPONENTS.length];
      // Every member is located by counting brackets and left as text: a page that shows names and
      // exams binds those and nothing else (binding all of a program's own facts, dates and
      // vocabularies included, was most of a GraphQL page's server time).
      try {
        JsonMembers.each(
            document,
            (member, start, end) -> {
              Part part = PARTS.get(member);
              if (part != null) {
                spans[part.ordinal()] = new int[] {start, end};
              } else {
                Integer index = COMPONENT_INDEX.get(member);
                if (index == null) {
                  throw mismatch(null);
                }
                ownSpans[index] = new int[] {start, end};
              }
            });
      } catch (IllegalArgumentException e) {
        throw mismatch(e);
      }
    }

    public long id() {
      return id;
    }

    /**
     * One of the program's own facts, by its {@link ProgramDetail} component name, bound from its
     * own text the first time it is asked for.
     *
     * @throws IllegalArgumentException for a name that is no own fact (a {@link Part}, a typo)
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T member(String name) {
      Integer index = COMPONENT_INDEX.get(name);
      if (index == null || PARTS.containsKey(name)) {
        throw new IllegalArgumentException("not an own fact of ProgramDetail: " + name);
      }
      return (T) bind(index);
    }

    private Object[] ownFacts() {
      Object[] args = new Object[COMPONENTS.length];
      for (int i = 0; i < args.length; i++) {
        if (!PARTS.containsKey(COMPONENTS[i].getName())) {
          args[i] = bind(i);
        }
      }
      return args;
    }

    private Object bind(int index) {
      if (!ownBound[index]) {
        int[] span = ownSpans[index];
        own[index] = span == null ? null : value(index, span[0], span[1]);
        ownBound[index] = true;
      }
      return own[index];
    }

    private Object value(int index, int start, int end) {
      // Most own facts are plain strings (slug, name, website…): without an escape in them their
      // text between the quotes is the value, as Jackson would read it.
      if (TYPES[index].getRawClass() == String.class && plainString(start, end)) {
        return document.substring(start + 1, end - 1);
      }
      if (end - start == 4 && document.startsWith("null", start)) {
        return null;
      }
      try {
        return json.readValue(document.substring(start, end), TYPES[index]);
      } catch (IOException e) {
        throw mismatch(e);
      }
    }

    /** One part of the detail, bound from its own text the first time it is asked for. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T part(Part part) {
      int i = part.ordinal();
      if (!bound[i]) {
        int[] span = spans[i];
        int index = COMPONENT_INDEX.get(part.member);
        try {
          parts[i] =
              span == null
                  ? null
                  : json.readValue(document.substring(span[0], span[1]), TYPES[index]);
        } catch (IOException e) {
          throw mismatch(e);
        }
        bound[i] = true;
      }
      return (T) parts[i];
    }

    /** The whole detail, as GET /programs/{slug} serves it. */
    public synchronized ProgramDetail detail() {
      if (detail == null) {
        Object[] args = ownFacts();
        for (Part part : Part.values()) {
          args[COMPONENT_INDEX.get(part.member)] = part(part);
        }
        detail = construct(args);
      }
      return detail;
    }

    /** Versions of the detail's child rows. */
    public synchronized ChildVersions versions() {
      if (versions == null) {
        try {
          versions = VERSIONS.readValue(childVersions, ChildVersions.class);
        } catch (IOException e) {
          throw new IllegalStateException("Stored child versions do not match ChildVersions", e);
        }
      }
      return versions;
    }

    private boolean plainString(int start, int end) {
      if (end - start < 2 || document.charAt(start) != '"' || document.charAt(end - 1) != '"') {
        return false;
      }
      for (int i = start + 1; i < end - 1; i++) {
        if (document.charAt(i) == '\\') {
          return false;
        }
      }
      return true;
    }

    private static ProgramDetail construct(Object[] args) {
      try {
        return CANONICAL.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw mismatch(e);
      }
    }

    private static IllegalStateException mismatch(Exception cause) {
      // The documents are written by the migration's SQL; a mismatch is a defect of ours.
      return new IllegalStateException(
          "A stored program detail does not match ProgramDetail", cause);
    }
  }

  /** Stored details by program id or by slug (one statement); unknown keys are left out. */
  public Map<Long, Stored> stored(Collection<Long> ids, Collection<String> slugs) {
    Map<Long, Stored> found = new LinkedHashMap<>();
    if (ids.isEmpty() && slugs.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT program_id, detail, child_versions FROM program_document"
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
    return new Stored(id, detail, childVersions, json);
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
