package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.credentialcatalog.rest.write.WriteFixtures.Side;
import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call every write endpoint (README "Writing to the catalog"): anonymous → 401,
 * recognition-writer → 403, a provider-editor on another provider's data → 403, a provider-editor
 * on its own → success (except creating and deleting providers: admin only), catalog-admin →
 * success. Every success appends exactly one change event naming the token's subject.
 */
@QuarkusTest
class WriteAuthorizationTest {

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  /** Who calls, and on which side's data. */
  enum Caller {
    ANONYMOUS,
    RECOGNITION_WRITER,
    FOREIGN_EDITOR,
    OWN_EDITOR,
    ADMIN
  }

  /**
   * One write endpoint: how to call it on a side's data, what success answers, which change event
   * it appends, and whether a provider-editor may call it at all.
   */
  record Endpoint(
      String name,
      int success,
      String entityType,
      boolean editorMay,
      BiFunction<RequestSpecification, Side, Response> call,
      java.util.function.Function<Side, String> eventSlug) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String MERGE_PATCH = "application/merge-patch+json";

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "POST /providers",
              201,
              "provider",
              false,
              (r, s) -> r.body(providerJson(s.emptyProvider() + "-new")).post("/api/v1/providers"),
              s -> s.emptyProvider() + "-new"),
          new Endpoint(
              "PUT /providers/{slug}",
              200,
              "provider",
              true,
              (r, s) ->
                  r.header("If-Match", providerEtag(s.provider()))
                      .body(providerJson(s.provider()))
                      .put("/api/v1/providers/{slug}", s.provider()),
              Side::provider),
          new Endpoint(
              "PATCH /providers/{slug}",
              200,
              "provider",
              true,
              (r, s) ->
                  r.contentType(MERGE_PATCH)
                      .header("If-Match", providerEtag(s.provider()))
                      .body("{\"acronym\": \"NEW\"}")
                      .patch("/api/v1/providers/{slug}", s.provider()),
              Side::provider),
          new Endpoint(
              "DELETE /providers/{slug}",
              204,
              "provider",
              false,
              (r, s) ->
                  r.header("If-Match", providerEtag(s.emptyProvider()))
                      .delete("/api/v1/providers/{slug}", s.emptyProvider()),
              Side::emptyProvider),
          new Endpoint(
              "POST /programs",
              201,
              "program",
              true,
              (r, s) ->
                  r.body(programJson(s.program() + "-new", s.provider())).post("/api/v1/programs"),
              s -> s.program() + "-new"),
          new Endpoint(
              "PUT /programs/{slug}",
              200,
              "program",
              true,
              (r, s) ->
                  r.header("If-Match", programEtag(s.program()))
                      .body(programJson(s.program(), s.provider()))
                      .put("/api/v1/programs/{slug}", s.program()),
              Side::program),
          new Endpoint(
              "PATCH /programs/{slug}",
              200,
              "program",
              true,
              (r, s) ->
                  r.contentType(MERGE_PATCH)
                      .header("If-Match", programEtag(s.program()))
                      .body("{\"launchYear\": 2020}")
                      .patch("/api/v1/programs/{slug}", s.program()),
              Side::program),
          new Endpoint(
              "DELETE /programs/{slug}",
              204,
              "program",
              true,
              (r, s) ->
                  r.header("If-Match", programEtag(s.program()))
                      .delete("/api/v1/programs/{slug}", s.program()),
              Side::program),
          new Endpoint(
              "POST /programs/{slug}/prices",
              201,
              "price",
              true,
              (r, s) -> r.body(PRICE_JSON).post("/api/v1/programs/{slug}/prices", s.program()),
              Side::program),
          new Endpoint(
              "PUT /programs/{slug}/prices/{id}",
              200,
              "price",
              true,
              (r, s) ->
                  r.header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()))
                      .body(PRICE_JSON)
                      .put("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()),
              Side::program),
          new Endpoint(
              "PATCH /programs/{slug}/prices/{id}",
              200,
              "price",
              true,
              (r, s) ->
                  r.contentType(MERGE_PATCH)
                      .header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()))
                      .body("{\"amountMax\": 175}")
                      .patch("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()),
              Side::program),
          new Endpoint(
              "DELETE /programs/{slug}/prices/{id}",
              204,
              "price",
              true,
              (r, s) ->
                  r.header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()))
                      .delete("/api/v1/programs/{slug}/prices/{id}", s.program(), s.priceId()),
              Side::program),
          new Endpoint(
              "POST /programs/{slug}/exams",
              201,
              "exam-format",
              true,
              (r, s) -> r.body(EXAM_JSON).post("/api/v1/programs/{slug}/exams", s.program()),
              Side::program),
          new Endpoint(
              "PUT /programs/{slug}/exams/{id}",
              200,
              "exam-format",
              true,
              (r, s) ->
                  r.header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()))
                      .body(EXAM_JSON)
                      .put("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()),
              Side::program),
          new Endpoint(
              "PATCH /programs/{slug}/exams/{id}",
              200,
              "exam-format",
              true,
              (r, s) ->
                  r.contentType(MERGE_PATCH)
                      .header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()))
                      .body("{\"durationMinutesMax\": 100}")
                      .patch("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()),
              Side::program),
          new Endpoint(
              "DELETE /programs/{slug}/exams/{id}",
              204,
              "exam-format",
              true,
              (r, s) ->
                  r.header(
                          "If-Match",
                          etag("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()))
                      .delete("/api/v1/programs/{slug}/exams/{id}", s.program(), s.examId()),
              Side::program),
          new Endpoint(
              "PUT /programs/{slug}/renewal",
              200,
              "renewal-policy",
              true,
              (r, s) ->
                  r.header("If-Match", etag("/api/v1/programs/{slug}/renewal", s.program()))
                      .body(RENEWAL_JSON)
                      .put("/api/v1/programs/{slug}/renewal", s.program()),
              Side::program),
          new Endpoint(
              "PATCH /programs/{slug}/renewal",
              200,
              "renewal-policy",
              true,
              (r, s) ->
                  r.contentType(MERGE_PATCH)
                      .header("If-Match", etag("/api/v1/programs/{slug}/renewal", s.program()))
                      .body("{\"creditsMax\": 50}")
                      .patch("/api/v1/programs/{slug}/renewal", s.program()),
              Side::program),
          new Endpoint(
              "DELETE /programs/{slug}/renewal",
              204,
              "renewal-policy",
              true,
              (r, s) ->
                  r.header("If-Match", etag("/api/v1/programs/{slug}/renewal", s.program()))
                      .delete("/api/v1/programs/{slug}/renewal", s.program()),
              Side::program),
          new Endpoint(
              "POST /programs/{slug}/aliases",
              201,
              "alias",
              true,
              (r, s) ->
                  r.body("{\"alias\": \"Another " + s.program() + "\"}")
                      .post("/api/v1/programs/{slug}/aliases", s.program()),
              Side::program),
          new Endpoint(
              "DELETE /programs/{slug}/aliases/{alias}",
              204,
              "alias",
              true,
              (r, s) ->
                  r.header("If-Match", programEtag(s.program()))
                      .delete("/api/v1/programs/{slug}/aliases/{alias}", s.program(), s.alias()),
              Side::program));

  /** Data that refusals must leave alone; shared by every refused call. */
  private static Side ownShared;

  private static Side otherShared;

  @Inject AgroalDataSource dataSource;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      cases.add(Arguments.of(e, Caller.ANONYMOUS, 401));
      cases.add(Arguments.of(e, Caller.RECOGNITION_WRITER, 403));
      cases.add(Arguments.of(e, Caller.FOREIGN_EDITOR, 403));
      cases.add(Arguments.of(e, Caller.OWN_EDITOR, e.editorMay() ? e.success() : 403));
      cases.add(Arguments.of(e, Caller.ADMIN, e.success()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  void shouldAllowOnlyTheRightCallers(Endpoint endpoint, Caller caller, int expected)
      throws Exception {
    boolean succeeds = expected < 300;
    Side own;
    Side other;
    if (succeeds) {
      own = Side.create();
      other = own;
    } else {
      synchronized (WriteAuthorizationTest.class) {
        if (ownShared == null) {
          ownShared = Side.create();
          otherShared = Side.create();
        }
      }
      own = ownShared;
      other = otherShared;
    }
    String editorOfOwn = DevTokens.editorOf(own.provider(), own.emptyProvider());
    String token =
        switch (caller) {
          case ANONYMOUS -> null;
          case RECOGNITION_WRITER -> DevTokens.recognitionWriter();
          case FOREIGN_EDITOR, OWN_EDITOR -> editorOfOwn;
          case ADMIN -> DevTokens.admin();
        };
    Side target = caller == Caller.FOREIGN_EDITOR ? other : own;
    String eventSlug = endpoint.eventSlug().apply(target);
    long eventsBefore = events(endpoint.entityType(), eventSlug);

    Response response = endpoint.call().apply(as(token), target);

    response.then().statusCode(expected);
    if (succeeds) {
      assertThat(events(endpoint.entityType(), eventSlug))
          .as("change events appended")
          .isEqualTo(eventsBefore + 1);
      assertThat(lastActor(endpoint.entityType(), eventSlug))
          .isEqualTo(caller == Caller.ADMIN ? "dev-catalog-admin" : "dev-provider-editor");
    } else {
      response.then().contentType("application/problem+json").body("status", equalTo(expected));
      assertThat(events(endpoint.entityType(), eventSlug))
          .as("no change event")
          .isEqualTo(eventsBefore);
      if (expected == 401) {
        response.then().header("WWW-Authenticate", startsWith("Bearer"));
      }
    }
  }

  @Test
  void shouldRejectTokensSignedByAnotherKeyWith401() throws Exception {
    as(DevTokens.foreignlySigned("catalog-admin"))
        .body(providerJson(unique("intruder")))
        .post("/api/v1/providers")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void shouldKeepReadsAnonymousEvenWithABadToken() {
    io.restassured.RestAssured.given()
        .auth()
        .oauth2("not-a-jwt")
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldForbidAnEditorToMoveItsProgramToAProviderItDoesNotHold() {
    Side own = Side.create();
    String otherProvider = createProvider(unique("wp-other"));
    as(DevTokens.editorOf(own.provider()))
        .contentType(MERGE_PATCH)
        .header("If-Match", programEtag(own.program()))
        .body("{\"provider\": \"" + otherProvider + "\"}")
        .patch("/api/v1/programs/{slug}", own.program())
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    // Holding both providers, the move is allowed.
    as(DevTokens.editorOf(own.provider(), otherProvider))
        .contentType(MERGE_PATCH)
        .header("If-Match", programEtag(own.program()))
        .body("{\"provider\": \"" + otherProvider + "\"}")
        .patch("/api/v1/programs/{slug}", own.program())
        .then()
        .statusCode(200)
        .body("provider.slug", equalTo(otherProvider));
  }

  @Test
  void shouldKeepProgramsWithoutProviderAdminOnly() {
    String slug = unique("wprog-orphan");
    as(DevTokens.editorOf("cxpa"))
        .body(programJson(slug, null))
        .post("/api/v1/programs")
        .then()
        .statusCode(403);
    createProgram(slug, null);
    as(DevTokens.editorOf("cxpa"))
        .contentType(MERGE_PATCH)
        .header("If-Match", programEtag(slug))
        .body("{\"launchYear\": 2001}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(403);
    as(DevTokens.editorOf("cxpa"))
        .body(PRICE_JSON)
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(403);
  }

  @Test
  void shouldLetAnEditorEditItsOwnProviderButNotAnother() {
    Side own = Side.create();
    as(DevTokens.editorOf(own.provider()))
        .contentType(ContentType.JSON)
        .header("If-Match", providerEtag(own.provider()))
        .body("{\"description\": \"Ours.\"}")
        .patch("/api/v1/providers/{slug}", own.provider())
        .then()
        .statusCode(200)
        .body("description", equalTo("Ours."));
    as(DevTokens.editorOf(own.provider()))
        .contentType(ContentType.JSON)
        .header("If-Match", providerEtag("cxpa"))
        .body("{\"description\": \"Not ours.\"}")
        .patch("/api/v1/providers/{slug}", "cxpa")
        .then()
        .statusCode(403);
  }

  private long events(String entityType, String slug) throws Exception {
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

  private String lastActor(String entityType, String slug) throws Exception {
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
}
