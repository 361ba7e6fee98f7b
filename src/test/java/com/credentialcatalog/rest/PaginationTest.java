package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keyset pages see every program exactly once, even while programs are added between pages. */
@QuarkusTest
class PaginationTest {

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void removeInserted() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from program where slug like 'pagination-%'")) {
      ps.executeUpdate();
    }
  }

  @Test
  void shouldSeeEveryProgramExactlyOnceWhileRowsAreInserted() throws Exception {
    List<String> before =
        given().get("/api/v1/programs?limit=100&sort=name").jsonPath().getList("items.slug");
    List<String> seen = new ArrayList<>();
    String next = "/api/v1/programs?limit=2&sort=name";
    int page = 0;
    while (next != null) {
      Response r = given().urlEncodingEnabled(false).get(next);
      r.then().statusCode(200);
      seen.addAll(r.jsonPath().getList("items.slug"));
      String link = r.getHeader("Link");
      next =
          link == null
              ? null
              : link.substring(link.indexOf('<') + 1, link.indexOf('>'))
                  .replaceFirst("^https?://[^/]+", "");
      // Writers add programs that sort before, among and after the pages still to come.
      insert("pagination-a-" + page, "AAA Inserted " + page);
      insert("pagination-m-" + page, "Customer Inserted " + page);
      insert("pagination-z-" + page, "ZZZ Inserted " + page);
      page++;
    }
    List<String> original = seen.stream().filter(before::contains).toList();
    assertThat(original).containsExactlyElementsOf(before);
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(page).isGreaterThan(6);
  }

  @Test
  void shouldWalkCostSortedPagesWithoutLossOrRepeat() {
    List<String> all =
        given()
            .get("/api/v1/programs?limit=100&sort=-costOfOwnership&horizonYears=6")
            .jsonPath()
            .getList("items.slug");
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var spec =
          given()
              .queryParam("limit", 3)
              .queryParam("sort", "-costOfOwnership")
              .queryParam("horizonYears", 6);
      if (cursor != null) {
        spec.queryParam("cursor", cursor);
      }
      var json = spec.get("/api/v1/programs").then().statusCode(200).extract().jsonPath();
      seen.addAll(json.getList("items.slug"));
      cursor = json.getString("nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void shouldRefuseACursorReplayedAgainstAnotherSort() {
    String cursor =
        given().get("/api/v1/programs?limit=2&sort=name").jsonPath().getString("nextCursor");
    given()
        .queryParam("cursor", cursor)
        .get("/api/v1/programs?limit=2&sort=-name")
        .then()
        .statusCode(400);
  }

  private void insert(String slug, String name) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into program (slug, name, credential_type) values (?, ?, 'CERTIFICATE')")) {
      ps.setString(1, slug);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }
}
