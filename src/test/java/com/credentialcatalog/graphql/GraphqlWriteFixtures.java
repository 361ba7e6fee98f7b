package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Catalog data the GraphQL write tests create for themselves, through the mutations, with slugs of
 * their own ({@value #PREFIX}…) that {@link #deleteAll} removes, so that the seeded catalog other
 * tests read stays as it was.
 */
final class GraphqlWriteFixtures {

  static final String PREFIX = "gqw-";
  private static final String RUN =
      Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private GraphqlWriteFixtures() {}

  static String unique(String kind) {
    return PREFIX + kind + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  /** Runs a mutation as catalog-admin and returns its data, failing on any error. */
  static JsonPath asAdmin(String document, Map<String, Object> variables) {
    JsonPath response = query(DevTokens.admin(), document, variables);
    assertThat(response.getList("errors")).as("errors of %s", document).isNull();
    return response;
  }

  static String createProvider(String slug) {
    asAdmin(
        "mutation($slug: String!) { createProvider(input: {slug: $slug, name: \"Provider\", kind: TRAINING_VENDOR,"
            + " website: \"https://provider.example\", country: \"US\"}) { slug } }",
        vars("slug", slug));
    return slug;
  }

  static String createProgram(String slug, String provider) {
    asAdmin(
        """
        mutation($slug: String!, $provider: String) {
          createProgram(input: {slug: $slug, name: "Program", acronym: "PX", provider: $provider,
            credentialType: CERTIFICATION, level: PROFESSIONAL, competencies: [CX_STRATEGY], languages: ["en"],
            studyHoursMin: 10, studyHoursMax: 20, description: "A test program."}) { slug } }
        """,
        vars("slug", slug, "provider", provider));
    return slug;
  }

  static final String PRICE =
      """
      {feeType: EXAM, amountMin: 100, amountMax: 150, currency: "USD", audience: ANY, requiredForAward: true,
       validFrom: "2025-01-01", note: "test price"}""";

  static final String EXAM =
      """
      {name: "Test exam", durationMinutesMin: 60, durationMinutesMax: 90, questionCountMin: 50,
       multipleChoicePctMin: 60, multipleChoicePctMax: 80, scenarioPctMin: 20, scenarioPctMax: 40,
       passingScoreMin: 70, passingScoreScale: PERCENT, proctoring: [REMOTE], testVendors: ["pearson-vue"],
       languages: ["en"]}""";

  static final String RENEWAL =
      """
      {cycleYearsMin: 3, cycleYearsMax: 3, creditsMin: 30, creditsMax: 40, creditUnit: CEU,
       acceptedRoutes: [CREDITS], proofRetentionYears: 3}""";

  static String addPrice(String program) {
    return asAdmin(
            "mutation($p: String!) { addPrice(program: $p, input: " + PRICE + ") { id } }",
            vars("p", program))
        .getString("data.addPrice.id");
  }

  static String addExam(String program) {
    return asAdmin(
            "mutation($p: String!) { addExamFormat(program: $p, input: " + EXAM + ") { id } }",
            vars("p", program))
        .getString("data.addExamFormat.id");
  }

  static void setRenewal(String program) {
    asAdmin(
        "mutation($p: String!) { setRenewalPolicy(program: $p, input: "
            + RENEWAL
            + ") { version } }",
        vars("p", program));
  }

  static String addAlias(String program, String alias) {
    asAdmin(
        "mutation($p: String!, $a: String!) { addAlias(program: $p, alias: $a) { slug } }",
        vars("p", program, "a", alias));
    return alias;
  }

  static int programVersion(String slug) {
    return query("query($s: String!) { program(slug: $s) { version } }", vars("s", slug))
        .getInt("data.program.version");
  }

  static int providerVersion(String slug) {
    return query("query($s: String!) { provider(slug: $s) { version } }", vars("s", slug))
        .getInt("data.provider.version");
  }

  static int priceVersion(String program, String id) {
    return query(
            "query($s: String!) { program(slug: $s) { prices { id version } } }",
            vars("s", program))
        .getInt("data.program.prices.find { it.id == '" + id + "' }.version");
  }

  static int examVersion(String program, String id) {
    return query(
            "query($s: String!) { program(slug: $s) { exams { id version } } }", vars("s", program))
        .getInt("data.program.exams.find { it.id == '" + id + "' }.version");
  }

  static int renewalVersion(String program) {
    return query(
            "query($s: String!) { program(slug: $s) { renewal { version } } }", vars("s", program))
        .getInt("data.program.renewal.version");
  }

  /**
   * A provider with a program that has a price, an exam, a renewal policy and an alias, plus an
   * empty provider.
   */
  record Side(
      String provider,
      String emptyProvider,
      String program,
      String priceId,
      String examId,
      String alias) {

    static Side create() {
      String provider = createProvider(unique("p"));
      String empty = createProvider(unique("p-empty"));
      String program = createProgram(unique("prog"), provider);
      String price = addPrice(program);
      String exam = addExam(program);
      setRenewal(program);
      String alias = addAlias(program, "Alias " + program.toUpperCase());
      return new Side(provider, empty, program, price, exam, alias);
    }
  }

  /** Change events of one entity type and slug. */
  static long events(AgroalDataSource dataSource, String entityType, String slug)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from change_event where entity_type = ? and slug = ?")) {
      s.setString(1, entityType);
      s.setString(2, slug);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String lastActor(AgroalDataSource dataSource, String entityType, String slug)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select actor from change_event where entity_type = ? and slug = ? order by seq desc limit 1")) {
      s.setString(1, entityType);
      s.setString(2, slug);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Removes every program and provider these fixtures created (children go with their program). */
  static void deleteAll(AgroalDataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("UPDATE program SET superseded_by_id = NULL WHERE slug LIKE '" + PREFIX + "%'");
      s.execute("DELETE FROM program WHERE slug LIKE '" + PREFIX + "%'");
      s.execute(
          "DELETE FROM exam_format_test_vendor WHERE provider_id IN (SELECT id FROM provider WHERE slug LIKE '"
              + PREFIX
              + "%')");
      s.execute("DELETE FROM provider WHERE slug LIKE '" + PREFIX + "%'");
    }
  }
}
