package com.credentialcatalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogImporterTest {

  private static final List<String> TABLES =
      List.of(
          "source",
          "provider",
          "program",
          "program_alias",
          "price",
          "exam_format",
          "exam_format_test_vendor",
          "renewal_policy",
          "eligibility_route",
          "eligibility_condition",
          "outcome_claim");

  @Inject CatalogImporter importer;
  @Inject SeedOnStartup seed;
  @Inject AgroalDataSource dataSource;

  @Test
  void shouldChangeNothingWhenTheSeedIsImportedAgain() throws Exception {
    Map<String, String> before = fingerprints();

    ImportReport second = importer.importDocument(seed.readSeed(), "test");
    ImportReport third = importer.importDocument(seed.readSeed(), "test");

    assertThat(second.changedAnything()).isFalse();
    assertThat(third.changedAnything()).isFalse();
    assertThat(second.programsUnchanged()).isEqualTo(seed.readSeed().programs().size());
    assertThat(fingerprints()).isEqualTo(before);
  }

  @Test
  void shouldHaveSeededEveryProgramOfTheDocumentWithAChangeEvent() throws Exception {
    int programs = seed.readSeed().programs().size();
    assertThat(scalar("select count(*) from program")).isEqualTo(String.valueOf(programs));
    assertThat(
            scalar(
                "select count(*) from change_event where entity_type = 'program' and actor = 'seed'"))
        .isEqualTo(String.valueOf(programs));
  }

  /** Row count and a digest of every row, per table: equal fingerprints mean identical rows. */
  private Map<String, String> fingerprints() throws Exception {
    Map<String, String> result = new LinkedHashMap<>();
    for (String table : TABLES) {
      result.put(
          table,
          scalar(
              "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                  + " from "
                  + table
                  + " t"));
    }
    return result;
  }

  private String scalar(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
