package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.asAdmin;
import static com.credentialcatalog.rest.write.WriteFixtures.createExam;
import static com.credentialcatalog.rest.write.WriteFixtures.createProgram;
import static com.credentialcatalog.rest.write.WriteFixtures.createProvider;
import static com.credentialcatalog.rest.write.WriteFixtures.programEtag;
import static com.credentialcatalog.rest.write.WriteFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every provider, program and exam format has a CTID from the moment it exists, distinct and kept
 * through updates, so a Credential Registry record that names it keeps naming the same row.
 */
@QuarkusTest
class CtidAssignmentTest {

  private static final String CTID =
      "ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Inject AgroalDataSource dataSource;

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldGiveEverySeededNodeItsOwnCtid() throws SQLException {
    for (String table : List.of("provider", "program", "exam_format")) {
      List<String> ctids = column("SELECT ctdl_id FROM " + table);
      assertThat(ctids).as(table).isNotEmpty().allMatch(c -> c.matches(CTID));
      assertThat(ctids).as(table).doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldAssignCtidsToCreatedRowsAndKeepThemThroughUpdates() throws SQLException {
    String provider = createProvider(unique("ctid-p"));
    String program = createProgram(unique("ctid-prog"), provider);
    long exam = createExam(program);
    String programCtid = single("SELECT ctdl_id FROM program WHERE slug = ?", program);
    String examCtid = single("SELECT ctdl_id FROM exam_format WHERE id = ?", exam);
    assertThat(single("SELECT ctdl_id FROM provider WHERE slug = ?", provider)).matches(CTID);
    assertThat(programCtid).matches(CTID).isNotEqualTo(examCtid);
    assertThat(examCtid).matches(CTID);

    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", programEtag(program))
        .body("{\"name\": \"Renamed program\"}")
        .patch("/api/v1/programs/{slug}", program)
        .then()
        .statusCode(200);

    assertThat(single("SELECT ctdl_id FROM program WHERE slug = ?", program))
        .isEqualTo(programCtid);
  }

  private List<String> column(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private String single(String sql, Object key) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as(sql + " " + key).isTrue();
        return rows.getString(1);
      }
    }
  }
}
