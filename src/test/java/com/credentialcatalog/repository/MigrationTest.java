package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.ChangeEvent;
import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.DeliveryKind;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.DeliveryStatus;
import com.credentialcatalog.domain.EligibilityCondition;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.domain.RecognitionSignal;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.domain.RequirementLevel;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.domain.WebhookStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations build the whole schema on an empty database, and its vocabularies are the Java
 * enums': each CHECK list of allowed values holds exactly the constants of the enum stored there,
 * so adding a constant without a migration (or the reverse) fails here, not on a client's write.
 */
@QuarkusTest
class MigrationTest {

  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String username;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> configuredPassword;

  /** Each vocabulary constraint and the enum whose names it allows. */
  private static final Map<String, Class<? extends Enum<?>>> VOCABULARIES =
      Map.ofEntries(
          Map.entry("provider_kind_valid", ProviderKind.class),
          Map.entry("program_type_valid", CredentialType.class),
          Map.entry("program_level_valid", Level.class),
          Map.entry("program_status_valid", ProgramStatus.class),
          Map.entry("program_competencies_valid", Competency.class),
          Map.entry("program_delivery_valid", DeliveryMode.class),
          Map.entry("program_audience_valid", AudienceRole.class),
          Map.entry("eligibility_condition_kind_valid", ConditionKind.class),
          Map.entry("price_fee_type_valid", FeeType.class),
          Map.entry("price_audience_valid", PriceAudience.class),
          Map.entry("price_delivery_valid", DeliveryMode.class),
          Map.entry("exam_passing_scale_valid", PassingScale.class),
          Map.entry("exam_proctoring_valid", Proctoring.class),
          Map.entry("renewal_credit_unit_valid", CreditUnit.class),
          Map.entry("renewal_routes_valid", RenewalRoute.class),
          Map.entry("recognition_kind_valid", RecognitionKind.class),
          Map.entry("recognition_requirement_valid", RequirementLevel.class),
          Map.entry("change_event_operation_valid", ChangeOperation.class),
          Map.entry("webhook_subscription_status_valid", WebhookStatus.class),
          Map.entry("webhook_delivery_kind_valid", DeliveryKind.class),
          Map.entry("webhook_delivery_status_valid", DeliveryStatus.class));

  /** A quoted upper-case literal of a constraint definition: one allowed value. */
  private static final Pattern VALUE = Pattern.compile("'([A-Z][A-Z0-9_]*)'");

  @Test
  void shouldMigrateAnEmptyDatabase() throws Exception {
    String password = configuredPassword.orElse("");
    String database = "migration_check_" + System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    String emptyUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(emptyUrl, username, password)
              .locations("classpath:db/migration")
              .load();
      MigrateResult result = flyway.migrate();

      assertThat(result.migrationsExecuted).isEqualTo(flyway.info().all().length);
      try (Connection c = DriverManager.getConnection(emptyUrl, username, password);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select table_name from information_schema.tables"
                      + " where table_schema = 'public' order by table_name")) {
        List<String> tables = new ArrayList<>();
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
        assertThat(tables)
            .contains(
                "provider",
                "program",
                "program_alias",
                "price",
                "exam_format",
                "exam_format_test_vendor",
                "renewal_policy",
                "eligibility_route",
                "eligibility_condition",
                "recognition_signal",
                "source",
                "change_event",
                "outcome_claim",
                "webhook_subscription",
                "webhook_delivery");
      }
      try (Connection c = DriverManager.getConnection(emptyUrl, username, password)) {
        assertVocabulariesMatchTheEnums(c);
      }
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  private static void assertVocabulariesMatchTheEnums(Connection c) throws Exception {
    Map<String, Set<String>> checks = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select conname, pg_get_constraintdef(oid) from pg_constraint"
                    + " where contype = 'c' and connamespace = 'public'::regnamespace")) {
      while (rs.next()) {
        Set<String> values = new TreeSet<>();
        Matcher m = VALUE.matcher(rs.getString(2));
        while (m.find()) {
          values.add(m.group(1));
        }
        if (rs.getString(1).endsWith("_valid") && !values.isEmpty()) {
          checks.put(rs.getString(1), values);
        }
      }
    }
    assertThat(checks.keySet())
        .as("vocabulary constraints, each with its enum in VOCABULARIES")
        .containsExactlyInAnyOrderElementsOf(VOCABULARIES.keySet());
    VOCABULARIES.forEach(
        (constraint, type) ->
            assertThat(checks.get(constraint))
                .as(constraint)
                .containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    // Every enum of the domain that is stored has a constraint (PriceAudience, FeeType, ...).
    Set<Class<?>> checked = new HashSet<>(VOCABULARIES.values());
    assertThat(storedEnums())
        .allSatisfy(
            e -> assertThat(checked).as("a CHECK list for " + e.getSimpleName()).contains(e));
  }

  /**
   * The enums entities of domain/ store, found by their @Enumerated fields and enum list fields.
   */
  private static Set<Class<?>> storedEnums() throws Exception {
    Set<Class<?>> enums = new HashSet<>();
    for (Class<?> entity :
        List.of(
            Provider.class,
            Program.class,
            Price.class,
            ExamFormat.class,
            RenewalPolicy.class,
            EligibilityCondition.class,
            EligibilityRoute.class,
            RecognitionSignal.class,
            ChangeEvent.class,
            OutcomeClaim.class,
            ProgramAlias.class,
            Source.class)) {
      for (Field f : entity.getDeclaredFields()) {
        if (f.getType().isEnum()) {
          enums.add(f.getType());
        } else if (f.getGenericType() instanceof ParameterizedType p
            && p.getActualTypeArguments().length == 1
            && p.getActualTypeArguments()[0] instanceof Class<?> arg
            && arg.isEnum()) {
          enums.add(arg);
        }
      }
    }
    return enums;
  }
}
