package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin rebuild of the read model: only a catalog administrator may run it, and programs loaded
 * with plain SQL and triggers off (a bulk load) are found, listed and served once it ran.
 */
@QuarkusTest
class ReadModelRebuildTest {

  static final String SLUG = "bulk-loaded-program";

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void deleteBulkRows() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM program WHERE slug = '" + SLUG + "'");
    }
  }

  @Test
  void shouldRefuseAnonymousAndNonAdminCallers() {
    given()
        .post("/api/v1/admin/read-model/rebuild")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.editorOf("cxpa"))
        .post("/api/v1/admin/read-model/rebuild")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void shouldServeBulkLoadedProgramsOnceRebuilt() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // As bulk loaders do: no triggers, so no read model for these rows yet.
      s.execute("SET LOCAL session_replication_role = replica");
      s.execute(
          "INSERT INTO program (slug, name, provider_id, credential_type, level)"
              + " SELECT '"
              + SLUG
              + "', 'Bulk Loaded Program', id, 'CERTIFICATE', 'ENTRY' FROM provider WHERE slug = 'cxpa'");
      s.execute(
          "INSERT INTO price (program_id, fee_type, amount_min, amount_max, currency, required_for_award)"
              + " SELECT id, 'EXAM', 123, 123, 'USD', true FROM program WHERE slug = '"
              + SLUG
              + "'");
      c.commit();
    }
    given().get("/api/v1/programs/" + SLUG).then().statusCode(404);

    long before;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM change_event")) {
      rs.next();
      before = rs.getLong(1);
    }
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/admin/read-model/rebuild")
        .then()
        .statusCode(200)
        .body("programs", greaterThanOrEqualTo(14));

    given()
        .get("/api/v1/programs/" + SLUG)
        .then()
        .statusCode(200)
        .body("name", equalTo("Bulk Loaded Program"))
        .body("prices[0].amount.min", equalTo(123.0f));
    List<String> slugs =
        given()
            .get("/api/v1/programs?provider=cxpa&priceMin=100&priceMax=130&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.slug");
    assertThat(slugs).contains(SLUG);
    List<String> types =
        given()
            .get("/api/v1/changes?after=" + before)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events.entityType");
    assertThat(types).as("the rebuild renews caches through the feed").contains("read-model");
  }
}
