package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The migrations build the whole schema on an empty database, and only once. */
@QuarkusTest
class MigrationTest {

  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url;
  @ConfigProperty(name = "quarkus.datasource.username") String username;
  @ConfigProperty(name = "quarkus.datasource.password") Optional<String> configuredPassword;

  @Test
  void shouldMigrateAnEmptyDatabase() throws Exception {
    String password = configuredPassword.orElse("");
    String database = "migration_check_" + System.nanoTime();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    String emptyUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
    try {
      Flyway flyway = Flyway.configure()
          .dataSource(emptyUrl, username, password)
          .locations("classpath:db/migration")
          .load();
      MigrateResult first = flyway.migrate();
      MigrateResult second = flyway.migrate();

      assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
      assertThat(second.migrationsExecuted).isZero();
      try (Connection c = DriverManager.getConnection(emptyUrl, username, password);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
              + " where table_schema = 'public' order by table_name")) {
        List<String> tables = new ArrayList<>();
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
        assertThat(tables).contains("provider", "program", "program_alias", "price", "exam_format",
            "exam_format_test_vendor", "renewal_policy", "eligibility_route", "eligibility_condition",
            "recognition_signal", "source", "change_event", "outcome_claim");
      }
    } finally {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
  }
}
