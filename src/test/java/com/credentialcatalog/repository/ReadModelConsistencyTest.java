package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.service.compute.ProgramMeasures;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read model (migrations V2 to V4) equals a plain computation from the normalized tables — the
 * assembler's detail and the calculators' figures — for generated catalogs: after inserts, after
 * every kind of update and delete, and after a rebuild of rows written with the triggers off.
 * Property-style: seeded random catalogs, each property checked on every program of each.
 */
@QuarkusTest
class ReadModelConsistencyTest {

  static final String PREFIX = "rm-prop-";
  static final String[] CURRENCIES = {"USD", "EUR"};
  static final String[] AUDIENCES = {"ANY", "MEMBER", "NON_MEMBER"};
  static final String[] FEES = {"EXAM", "APPLICATION", "COURSE", "RENEWAL", "HANDBOOK"};
  static final LocalDate[] DATES = {
    null,
    LocalDate.of(2023, 1, 1),
    LocalDate.of(2024, 1, 1),
    LocalDate.of(2024, 7, 1),
    LocalDate.of(2025, 1, 1),
    LocalDate.of(2026, 6, 1)
  };

  @Inject AgroalDataSource dataSource;
  @Inject ProgramRepository programs;
  @Inject ProgramAssembler assembler;
  @Inject ObjectMapper json;

  @AfterEach
  void deleteGenerated() throws SQLException {
    sql(
        "DELETE FROM program WHERE slug LIKE '" + PREFIX + "%'",
        "DELETE FROM provider WHERE slug LIKE '" + PREFIX + "%'");
  }

  @Test
  void shouldEqualThePlainComputationAfterInsertsUpdatesAndDeletes() throws SQLException {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<Long> ids = generate(random, 12, false);
      assertConsistent(ids, random);

      // Every kind of write, each through its own table's triggers.
      for (String write : writes(ids, random)) {
        sql(write);
        assertConsistent(ids, random);
      }
      deleteGenerated();
    }
  }

  @Test
  void shouldEqualThePlainComputationAfterARebuildOfRowsWrittenWithTriggersOff()
      throws SQLException {
    Random random = new Random(42);
    List<Long> ids = generate(random, 20, true);
    assertThat(count("SELECT count(*) FROM program_read WHERE program_id = ANY(?)", ids))
        .as("rows written with triggers off have no read model yet")
        .isZero();
    sql("SELECT read_model_rebuild()");
    assertThat(count("SELECT count(*) FROM program_read WHERE program_id = ANY(?)", ids))
        .isEqualTo(ids.size());
    assertConsistent(ids, random);
  }

  /**
   * A program deleted with triggers off (a bulk load's wipe) skips the foreign keys' cascades too;
   * the next rebuild drops its read rows, so no list shows it any more.
   */
  @Test
  void shouldDropOnRebuildTheRowsOfProgramsDeletedWithTriggersOff() throws SQLException {
    List<Long> ids = generate(new Random(11), 3, false);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute("DELETE FROM program WHERE id = " + ids.get(0));
      s.execute("RESET session_replication_role");
    }
    List<Long> gone = List.of(ids.get(0));
    assertThat(count("SELECT count(*) FROM program_read WHERE program_id = ANY(?)", gone))
        .as("left behind by the delete")
        .isEqualTo(1);
    sql("SELECT read_model_rebuild()");
    for (String table :
        List.of(
            "program_read",
            "program_cost",
            "program_document",
            "program_summary",
            "program_tally")) {
      assertThat(count("SELECT count(*) FROM " + table + " WHERE program_id = ANY(?)", gone))
          .as(table)
          .isZero();
    }
    assertThat(count("SELECT count(*) FROM program_tally WHERE program_id = ANY(?)", ids))
        .isEqualTo(2);
  }

  @Test
  void shouldDropTheRowsOfADeletedProgram() throws SQLException {
    List<Long> ids = generate(new Random(7), 3, false);
    sql("DELETE FROM program WHERE id = " + ids.get(0));
    assertThat(count("SELECT count(*) FROM program_read WHERE program_id = ANY(?)", ids))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM program_cost WHERE program_id = ANY(?)", List.of(ids.get(0))))
        .isZero();
    assertThat(count("SELECT count(*) FROM program_tally WHERE program_id = ANY(?)", ids))
        .isEqualTo(2);
  }

  /**
   * The tally's bit sets name every constant of their enums (migration V11's rm_vocabulary): a
   * constant missing there would set no bit, and its programs would drop out of filters and facets.
   */
  @Test
  void shouldHoldEveryEnumConstantInTheTallyVocabularies() throws SQLException {
    Map<String, Class<? extends Enum<?>>> vocabularies =
        Map.of(
            "audience", AudienceRole.class,
            "competency", Competency.class,
            "delivery", DeliveryMode.class,
            "proctoring", Proctoring.class);
    for (Map.Entry<String, Class<? extends Enum<?>>> vocabulary : vocabularies.entrySet()) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT rm_vocabulary(?)")) {
        ps.setString(1, vocabulary.getKey());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(texts(rs, 1))
              .as(vocabulary.getKey())
              .isEqualTo(names(List.of(vocabulary.getValue().getEnumConstants())));
        }
      }
    }
  }

  /** Detail, filter figures and cost windows of each program against the plain computation. */
  private void assertConsistent(List<Long> ids, Random random) throws SQLException {
    List<ProgramDetail> expected =
        QuarkusTransaction.requiringNew()
            .call(() -> assembler.details(programs.findByIdsInOrder(ids)));
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      ProgramDetail plain = expected.get(i);
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.detail, r.exam_minutes, r.experience_months, r.proctoring"
                      + " FROM program_read r JOIN program_document d USING (program_id) WHERE program_id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("read-model row of program %d", id).isTrue();
          JsonNode stored = json.readTree(rs.getString(1));
          JsonNode computed = json.valueToTree(plain);
          assertThat(normalized(stored))
              .as("detail of %s", plain.slug())
              .isEqualTo(normalized(computed));
          assertThat((Integer) rs.getObject(2))
              .as("shortest exam of %s", plain.slug())
              .isEqualTo(ProgramMeasures.shortestExamMinutes(plain));
          assertThat((Integer) rs.getObject(3))
              .as("easiest experience bar of %s", plain.slug())
              .isEqualTo(ProgramMeasures.easiestExperienceMonths(plain));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new AssertionError(e);
        }
      }
      assertListItem(id, plain);
      assertTally(id, plain);
      for (int k = 0; k < 4; k++) {
        assertCostWindow(
            id,
            plain,
            CURRENCIES[random.nextInt(2)],
            AUDIENCES[random.nextInt(3)],
            LocalDate.of(2022, 6, 1).plusDays(random.nextInt(1700)),
            1 + random.nextInt(10));
      }
      for (String audience : AUDIENCES) {
        assertCostOnTheRow(id, plain, audience, 1 + random.nextInt(10));
      }
    }
  }

  /**
   * The counting copy (migration V11): the same figures as the read row, and bit sets that decode
   * to the detail's audiences, competencies, delivery modes and exams' proctoring.
   */
  private void assertTally(long id, ProgramDetail plain) throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM program_read r CROSS JOIN LATERAL rm_tally(r) e"
                    + " JOIN program_tally t ON t.program_id = e.program_id"
                    + " WHERE r.program_id = ANY(?) AND row(t.*) IS NOT DISTINCT FROM row(e.*)",
                List.of(id)))
        .as("tally row of %s equals its read row's", plain.slug())
        .isEqualTo(1);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT rm_values(audience_bits, 'audience'), rm_values(competency_bits, 'competency'),"
                    + " rm_values(delivery_bits, 'delivery'), rm_values(proctoring_bits, 'proctoring')"
                    + " FROM program_tally WHERE program_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("tally row of program %d", id).isTrue();
        assertThat(texts(rs, 1)).as("audiences").isEqualTo(names(plain.audienceRoles()));
        assertThat(texts(rs, 2)).as("competencies").isEqualTo(names(plain.competencies()));
        assertThat(texts(rs, 3)).as("delivery").isEqualTo(names(plain.deliveryModes()));
        assertThat(texts(rs, 4))
            .as("proctoring")
            .isEqualTo(
                names(plain.exams().stream().flatMap(e -> e.proctoring().stream()).toList()));
      }
    }
  }

  private static java.util.Set<String> texts(ResultSet rs, int column) throws SQLException {
    return new java.util.TreeSet<>(List.of((String[]) rs.getArray(column).getArray()));
  }

  private static java.util.Set<String> names(List<? extends Enum<?>> values) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    values.forEach(v -> names.add(v.name()));
    return names;
  }

  /**
   * The row's own cost (migration V3): its currencies are those of the program's prices; its window
   * is today's in the only currency, else in USD when priced in it, else none; and its figures are
   * the calculator's for that currency, audience and day.
   */
  private void assertCostOnTheRow(long id, ProgramDetail plain, String audience, int horizon)
      throws SQLException {
    List<String> currencies =
        plain.prices().stream().map(p -> p.currency()).distinct().sorted().toList();
    String expected =
        currencies.size() == 1 ? currencies.get(0) : currencies.contains("USD") ? "USD" : "";
    String a = audience.toLowerCase() + "_";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT cost_currencies, cost_currency,"
                    + " cost_valid_from <= current_date AND cost_valid_to > current_date, current_date,"
                    + " round("
                    + a
                    + "initial_min_cents::numeric / 100, 2), round("
                    + a
                    + "initial_max_cents::numeric / 100, 2),"
                    + " "
                    + a
                    + "renewal_min, "
                    + a
                    + "renewal_max FROM program_read WHERE program_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String what = plain.slug() + " " + audience;
        assertThat(List.of((String[]) rs.getArray(1).getArray()))
            .as("currencies of %s", what)
            .isEqualTo(currencies);
        assertThat(rs.getString(2)).as("currency on the row of %s", what).isEqualTo(expected);
        assertThat(rs.getBoolean(3))
            .as("the row's window holds today for %s", what)
            .isEqualTo(!expected.isEmpty());
        if (expected.isEmpty()) {
          assertThat(rs.getObject(5)).isNull();
          assertThat(rs.getObject(7)).isNull();
          return;
        }
        LocalDate today = rs.getObject(4, LocalDate.class);
        CostOfOwnership cost =
            CostOfOwnershipCalculator.compute(
                plain, horizon, PriceAudience.valueOf(audience), expected, today);
        var renewal = plain.renewal();
        CostOfOwnershipCalculator.Figures figures =
            CostOfOwnershipCalculator.figures(
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                renewal == null || renewal.cycleYears() == null ? null : renewal.cycleYears().min(),
                renewal == null || renewal.cycleYears() == null ? null : renewal.cycleYears().max(),
                horizon);
        assertThat(figures.initial())
            .as("initial cost on the row of %s", what)
            .isEqualTo(cost.initial());
        assertThat(figures.total())
            .as("cost of ownership over %d years on the row of %s", horizon, what)
            .isEqualTo(cost.total());
      }
    }
  }

  private void assertCostWindow(
      long id, ProgramDetail plain, String currency, String audience, LocalDate date, int horizon)
      throws SQLException {
    boolean priced = plain.prices().stream().anyMatch(p -> p.currency().equals(currency));
    PriceAudience a = PriceAudience.valueOf(audience);
    CostOfOwnership cost = CostOfOwnershipCalculator.compute(plain, horizon, a, currency, date);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                ("SELECT a_initial_min, a_initial_max, a_renewal_min, a_renewal_max"
                        + " FROM program_cost WHERE program_id = ? AND currency = ? AND valid_from <= ? AND valid_to > ?")
                    .replace("a_", audience.toLowerCase() + "_"))) {
      ps.setLong(1, id);
      ps.setString(2, currency);
      ps.setObject(3, date);
      ps.setObject(4, date);
      try (ResultSet rs = ps.executeQuery()) {
        String what = plain.slug() + " " + currency + " " + audience + " on " + date;
        if (!priced) {
          assertThat(rs.next()).as("no window without prices in %s", what).isFalse();
          assertThat(cost.initial()).isNull();
          return;
        }
        assertThat(rs.next()).as("exactly one window for %s", what).isTrue();
        var renewal = plain.renewal();
        CostOfOwnershipCalculator.Figures figures =
            CostOfOwnershipCalculator.figures(
                rs.getBigDecimal(1),
                rs.getBigDecimal(2),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                renewal == null || renewal.cycleYears() == null ? null : renewal.cycleYears().min(),
                renewal == null || renewal.cycleYears() == null ? null : renewal.cycleYears().max(),
                horizon);
        assertThat(figures.initial()).as("initial cost of %s", what).isEqualTo(cost.initial());
        assertThat(figures.total())
            .as("cost of ownership over %d years of %s", horizon, what)
            .isEqualTo(cost.total());
        assertThat(rs.next()).as("one window only for %s", what).isFalse();
      }
    }
  }

  /**
   * The prebuilt pieces of the program's list item (migration V4) hold the summary of the plain
   * detail: every member but the three the request decides (cost figures and currency).
   */
  private void assertListItem(long id, ProgramDetail plain) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT head, tail FROM program_summary WHERE program_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("list item of program %d", id).isTrue();
        JsonNode stored =
            json.readTree(
                rs.getString(1)
                    + ", \"initialCost\" : null, \"costOfOwnership\" : null,"
                    + " \"currency\" : null, "
                    + rs.getString(2));
        ProgramSummary expected =
            new ProgramSummary(
                plain.slug(),
                plain.name(),
                plain.acronym(),
                plain.provider(),
                plain.credentialType(),
                plain.level(),
                plain.audienceRoles(),
                plain.competencies(),
                plain.deliveryModes(),
                plain.languages(),
                plain.status(),
                null,
                null,
                null,
                ProgramMeasures.shortestExamMinutes(plain),
                ProgramMeasures.easiestExperienceMonths(plain),
                plain.renewal() == null ? null : plain.renewal().cycleYears(),
                plain.recognition(),
                plain.updatedAt());
        assertThat(normalized(stored))
            .as("list item of %s", plain.slug())
            .isEqualTo(normalized(json.valueToTree(expected)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Numbers compared by value (450 = 450.00), everything else as is. */
  private static String normalized(JsonNode node) {
    return normalize(node).toString();
  }

  private static JsonNode normalize(JsonNode node) {
    if (node.isNumber()) {
      return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
          node.decimalValue().stripTrailingZeros());
    }
    if (node.isObject()) {
      var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), normalize(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(normalize(n)));
      return out;
    }
    return node;
  }

  /** Inserts n random programs with every kind of child; returns their ids. */
  private List<Long> generate(Random r, int n, boolean triggersOff) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (triggersOff) {
        // Transaction-local, so the pooled connection goes back with its triggers on.
        c.setAutoCommit(false);
        s.execute("SET LOCAL session_replication_role = replica");
      }
      String provider = PREFIX + "provider-" + r.nextInt(1_000_000);
      s.execute(
          "INSERT INTO provider (slug, name, kind, source_id) SELECT '"
              + provider
              + "', 'Generated Provider', 'TRAINING_VENDOR', min(id) FROM source");
      for (int i = 0; i < n; i++) {
        String slug = PREFIX + r.nextInt(1_000_000_000);
        try (ResultSet rs =
            s.executeQuery(
                "INSERT INTO program (slug, name, acronym, provider_id, credential_type,"
                    + " level, delivery_modes, languages, study_hours_min, source_id) SELECT '"
                    + slug
                    + "', 'Generated "
                    + slug
                    + "', "
                    + (r.nextBoolean() ? "'GP'" : "NULL")
                    + ", id, 'CERTIFICATION', "
                    + (r.nextBoolean() ? "'PROFESSIONAL'" : "NULL")
                    + ", '{LIVE_ONLINE}', '{en}', "
                    + (r.nextBoolean() ? "10" : "NULL")
                    + ", "
                    + (r.nextBoolean() ? "source_id" : "NULL")
                    + " FROM provider WHERE slug = '"
                    + provider
                    + "' RETURNING id")) {
          rs.next();
          ids.add(rs.getLong(1));
        }
        long id = ids.get(ids.size() - 1);
        int prices = r.nextInt(6);
        for (int k = 0; k < prices; k++) {
          int lo = r.nextInt(900);
          LocalDate from = DATES[r.nextInt(DATES.length)];
          LocalDate to =
              from == null ? null : r.nextBoolean() ? null : from.plusDays(100 + r.nextInt(500));
          s.execute(
              "INSERT INTO price (program_id, fee_type, amount_min, amount_max, currency, audience,"
                  + " required_for_award, valid_from, valid_to, source_id) SELECT "
                  + id
                  + ", '"
                  + FEES[r.nextInt(FEES.length)]
                  + "', "
                  + lo
                  + ", "
                  + (lo + r.nextInt(300))
                  + ", '"
                  + CURRENCIES[r.nextInt(10) < 8 ? 0 : 1]
                  + "', '"
                  + AUDIENCES[r.nextInt(3)]
                  + "', "
                  + r.nextBoolean()
                  + ", "
                  + date(from)
                  + ", "
                  + date(to)
                  + ", "
                  + (r.nextBoolean() ? "min(id)" : "NULL")
                  + " FROM source");
        }
        for (int k = r.nextInt(3); k > 0; k--) {
          s.execute(
              "INSERT INTO exam_format (program_id, name, duration_minutes_min, duration_minutes_max,"
                  + " proctoring, languages, passing_score_min, passing_score_scale) VALUES ("
                  + id
                  + ", 'Exam', "
                  + (r.nextBoolean() ? 60 + r.nextInt(120) : "NULL")
                  + ", NULL, '{REMOTE}', '{en}', "
                  + (r.nextBoolean() ? "70" : "NULL")
                  + ", 'PERCENT')");
        }
        if (r.nextBoolean()) {
          int cycle = 1 + r.nextInt(4);
          boolean known = r.nextInt(5) != 0;
          s.execute(
              "INSERT INTO renewal_policy (program_id, cycle_years_min, cycle_years_max, credits_min,"
                  + " accepted_routes) VALUES ("
                  + id
                  + ", "
                  + (known ? cycle : "NULL")
                  + ", "
                  + (known && r.nextBoolean() ? cycle + 1 : "NULL")
                  + ", "
                  + (r.nextBoolean() ? "20" : "NULL")
                  + ", '{CREDITS}')");
        }
        for (int k = 0; k < r.nextInt(3); k++) {
          try (ResultSet rs =
              s.executeQuery(
                  "INSERT INTO eligibility_route (program_id, position, name) VALUES ("
                      + id
                      + ", "
                      + k
                      + ", 'Route "
                      + k
                      + "') RETURNING id")) {
            rs.next();
            long route = rs.getLong(1);
            for (int m = 0; m < r.nextInt(3); m++) {
              s.execute(
                  "INSERT INTO eligibility_condition (route_id, position, kind, value_min) VALUES ("
                      + route
                      + ", "
                      + m
                      + ", '"
                      + (r.nextBoolean() ? "EXPERIENCE_MONTHS" : "MIN_AGE")
                      + "', "
                      + (r.nextInt(4) == 0 ? "NULL" : r.nextInt(48))
                      + ")");
            }
          }
        }
        if (r.nextBoolean()) {
          s.execute(
              "INSERT INTO recognition_signal (program_id, kind, source_name, region, period_start,"
                  + " period_end, requirement_level, postings_matched, postings_scanned) VALUES ("
                  + id
                  + ", 'JOB_POSTING_MENTIONS', 'board', 'US', date '2024-01-01', date '2024-01-31', 'PREFERRED', "
                  + r.nextInt(50)
                  + ", "
                  + (50 + r.nextInt(500))
                  + ")");
        }
        if (r.nextBoolean()) {
          s.execute(
              "INSERT INTO program_alias (program_id, alias, normalized) VALUES ("
                  + id
                  + ", 'GEN "
                  + id
                  + "', 'gen "
                  + id
                  + "')");
        }
      }
      if (triggersOff) {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return ids;
  }

  /** One statement per kind of write the read model derives from. */
  private static List<String> writes(List<Long> ids, Random r) {
    String some =
        "(" + ids.get(r.nextInt(ids.size())) + ", " + ids.get(r.nextInt(ids.size())) + ")";
    return List.of(
        "UPDATE price SET amount_max = amount_max + 100, valid_to = date '2025-03-01' WHERE program_id IN "
            + some
            + " AND (valid_from IS NULL OR valid_from < date '2025-03-01')",
        "UPDATE price SET audience = 'MEMBER' WHERE program_id IN " + some,
        "DELETE FROM price WHERE fee_type = 'EXAM' AND program_id IN " + some,
        "UPDATE exam_format SET duration_minutes_min = 45 WHERE program_id IN " + some,
        "DELETE FROM exam_format WHERE program_id IN " + some,
        "UPDATE renewal_policy SET cycle_years_min = 2, cycle_years_max = NULL WHERE program_id IN "
            + some,
        "UPDATE eligibility_condition SET value_min = 3 WHERE route_id IN (SELECT id FROM eligibility_route"
            + " WHERE program_id IN "
            + some
            + ")",
        "DELETE FROM eligibility_route WHERE program_id IN " + some,
        "UPDATE program SET name = name || ' renamed', level = 'MANAGER' WHERE id IN " + some,
        "UPDATE provider SET name = 'Renamed Provider' WHERE slug LIKE '" + PREFIX + "%'",
        "UPDATE source SET title = title WHERE id = (SELECT min(id) FROM source)",
        "UPDATE recognition_signal SET postings_matched = 0 WHERE program_id IN " + some,
        "DELETE FROM program_alias WHERE program_id IN " + some);
  }

  private static String date(LocalDate d) {
    return d == null ? "NULL" : "date '" + d + "'";
  }

  private long count(String query, List<Long> ids) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(query)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
