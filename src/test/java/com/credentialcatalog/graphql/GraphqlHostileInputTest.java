package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.codes;
import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The findings of issue 9 on GraphQL, one test each: documents whose cost is exponential in their
 * size are refused at once while REST keeps answering, explicit nulls mean defaults, and malformed
 * requests are the client's mistake (400 BAD_USER_INPUT), never a 500 or an error without code.
 */
@QuarkusTest
class GraphqlHostileInputTest {

  @BeforeEach
  void warmUp() {
    // The first request of a JVM loads the engine: not what these timings are about.
    query("{ __typename }");
    given().get("/api/v1/programs/ccxp").then().statusCode(200);
  }

  /**
   * {@code fragment G1 on Program { ...G0 ...G0 }} … {@code Gk}: 2^k fields from a few hundred
   * bytes.
   */
  static String fragmentBlowUp(int k) {
    StringBuilder doc =
        new StringBuilder("query Blow { program(slug: \"ccxp\") { ...G" + k + " } }\n")
            .append("fragment G0 on Program { slug }\n");
    for (int i = 1; i <= k; i++) {
      doc.append("fragment G")
          .append(i)
          .append(" on Program { ...G")
          .append(i - 1)
          .append(" ...G")
          .append(i - 1)
          .append(" }\n");
    }
    return doc.toString();
  }

  @Test
  void shouldRefuseFourFragmentBlowUpsWithinASecondWhileRestKeepsAnswering() throws Exception {
    String k39 = fragmentBlowUp(39);
    assertThat(k39.length()).isLessThan(2_000);
    ExecutorService clients = Executors.newFixedThreadPool(5);
    try {
      List<CompletableFuture<Timed>> attacks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        attacks.add(
            CompletableFuture.supplyAsync(
                () -> Timed.of(() -> GraphqlClient.send(null, k39, Map.of())), clients));
      }
      Timed rest =
          CompletableFuture.supplyAsync(
                  () -> Timed.of(() -> given().get("/api/v1/programs/ccxp")), clients)
              .get();
      for (CompletableFuture<Timed> attack : attacks) {
        Timed t = attack.get();
        assertThat(t.elapsed())
            .as("k=39 fragment blow-up answered in")
            .isLessThan(Duration.ofSeconds(1));
        JsonPath body = t.response().then().statusCode(200).extract().jsonPath();
        assertThat(codes(body)).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(body.getString("errors[0].extensions.limit")).isEqualTo("complexity");
        System.out.printf("k=39 fragment blow-up refused in %d ms%n", t.elapsed().toMillis());
      }
      assertThat(rest.response().statusCode()).isEqualTo(200);
      assertThat(rest.elapsed())
          .as("REST read during the attack")
          .isLessThan(Duration.ofSeconds(1));
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void shouldRefuseEveryFragmentBlowUpFromTenToFortyLevelsFast() {
    for (int k = 10; k <= 40; k += 5) {
      String doc = fragmentBlowUp(k);
      Timed t = Timed.of(() -> GraphqlClient.send(null, doc, Map.of()));
      assertThat(t.elapsed()).as("k=" + k).isLessThan(Duration.ofSeconds(1));
      assertThat(codes(t.response().jsonPath())).as("k=" + k).containsExactly("QUERY_TOO_COMPLEX");
    }
  }

  @Test
  void shouldCountAliasesInsideFragmentsOncePerSpread() {
    StringBuilder aliases = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      aliases.append(" a").append(i).append(": slug");
    }
    String doc =
        "{ program(slug: \"ccxp\") { ...A ...B } } fragment A on Program {"
            + aliases
            + " } fragment B on Program { ...A }";
    JsonPath response = failing(doc);
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("aliases");
  }

  @Test
  void shouldBoundTheExpandedSizeOfTheWholeDocument() {
    // 25 operations of 513 fields each: each alone is within the complexity bound, together
    // they are over the 10,000 fields validation would walk.
    StringBuilder doc = new StringBuilder(fragmentBlowUp(9).replace("query Blow", "query Op0"));
    for (int i = 1; i < 25; i++) {
      doc.append("query Op").append(i).append(" { program(slug: \"ccxp\") { ...G9 } }\n");
    }
    JsonPath response =
        GraphqlClient.send(null, doc.toString(), Map.of())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("expandedFields");
  }

  @Test
  void shouldRefuseFragmentCyclesWithoutFollowingThem() {
    Timed t =
        Timed.of(
            () ->
                GraphqlClient.send(
                    null,
                    "{ program(slug: \"ccxp\") { ...A } } fragment A on Program { slug ...B } fragment B on Program { ...A }",
                    Map.of()));
    assertThat(t.elapsed()).isLessThan(Duration.ofSeconds(1));
    JsonPath response = t.response().jsonPath();
    assertThat(codes(response)).containsExactly("GRAPHQL_VALIDATION_FAILED");
    assertThat(response.getString("errors[0].message")).contains("cycles");
  }

  @Test
  void shouldAnswerAnExplicitNullFirstWithTheDefaultPage() {
    JsonPath omitted = query("{ programs { edges { node { slug } } } }");
    JsonPath nulled = query("{ programs(first: null) { edges { node { slug } } } }");
    assertThat(nulled.getList("errors")).isNull();
    assertThat(nulled.getList("data.programs.edges.node.slug"))
        .isNotEmpty()
        .isEqualTo(omitted.getList("data.programs.edges.node.slug"));
    JsonPath throughVariable =
        query(
            "query P($first: Int) { providers(first: $first) { edges { node { slug } } } }",
            vars("first", null));
    assertThat(throughVariable.getList("errors")).isNull();
    assertThat(throughVariable.getList("data.providers.edges")).isNotEmpty();
  }

  @Test
  void shouldAnswerExplicitNullHorizonAndLimitWithTheirDefaults() {
    JsonPath cost =
        query(
            "{ costOfOwnership(program: \"ccxp\", horizonYears: null) { horizonYears }"
                + " program(slug: \"ccxp\") { costOfOwnership(horizonYears: null) { horizonYears } }"
                + " compare(programs: [\"ccxp\", \"hdi-support-center-analyst\"], horizonYears: null) { horizonYears }"
                + " changes(after: null, limit: null) { lastSeq } }");
    assertThat(cost.getList("errors")).isNull();
    assertThat(cost.getInt("data.costOfOwnership.horizonYears")).isEqualTo(3);
    assertThat(cost.getInt("data.program.costOfOwnership.horizonYears")).isEqualTo(3);
    assertThat(cost.getInt("data.compare.horizonYears")).isEqualTo(3);
  }

  @Test
  void shouldRefuseAFractionForAnIntVariableAsBadInput() {
    // Found by GraphqlFuzzTest: graphql-java let 3.5 through, SmallRye's own conversion failed.
    JsonPath response =
        failing("query P($n: Int) { providers(first: $n) { edges { cursor } } }", vars("n", 3.5));
    assertThat(codes(response)).containsExactly("BAD_USER_INPUT");
    assertThat(response.getString("errors[0].message"))
        .contains("wrong type")
        .doesNotContain("SRGQL");
  }

  @Test
  void shouldRefuseANullInsideAFilterListAsBadInput() {
    JsonPath response = failing("{ programs(filter: {providers: [null]}) { totalCount } }");
    assertThat(codes(response)).containsExactly("BAD_USER_INPUT");
    assertThat(response.getString("errors[0].extensions.field")).isEqualTo("filter.providers");
  }

  @Test
  void shouldRefuseVariablesOrExtensionsThatAreNotObjects() {
    for (String body :
        List.of(
            "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
            "{\"query\": \"{ __typename }\", \"variables\": [1]}",
            "{\"query\": \"{ __typename }\", \"extensions\": 5}",
            "{\"query\": \"{ __typename }\", \"operationName\": {}}")) {
      Response r = post(body);
      r.then().statusCode(400).contentType(ContentType.JSON);
      assertThat(r.jsonPath().getList("errors.extensions.code"))
          .as(body)
          .containsExactly("BAD_USER_INPUT");
      assertThat(r.asString()).doesNotContain("Exception", "java.");
    }
  }

  @Test
  void shouldRefuseFiveAliasedSchemaFieldsAsTooComplex() {
    StringBuilder doc = new StringBuilder("{");
    for (int i = 0; i < 5; i++) {
      doc.append(" s").append(i).append(": __schema { queryType { name } }");
    }
    JsonPath response = failing(doc.append(" }").toString());
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].message")).contains("Introspection");
  }

  @Test
  void shouldRefuseABatchedArrayWithACode() {
    Response r = post("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]");
    r.then().statusCode(400);
    assertThat(r.jsonPath().getList("errors.extensions.code")).containsExactly("BAD_USER_INPUT");
    assertThat(r.jsonPath().getString("errors[0].message"))
        .contains("Batched")
        .doesNotContain("DataFetching");
  }

  @Test
  void shouldRefuseNulCharactersNamingTheVariableOrArgument() {
    Response variable =
        GraphqlClient.send(
            null,
            "query P($slug: String!) { program(slug: $slug) { slug } }",
            vars("slug", "cc\u0000xp"));
    variable.then().statusCode(400);
    assertThat(variable.jsonPath().getList("errors.extensions.code"))
        .containsExactly("BAD_USER_INPUT");
    assertThat(variable.jsonPath().getString("errors[0].extensions.variable")).isEqualTo("slug");

    Response nested =
        GraphqlClient.send(
            null,
            "query P($f: ProgramFilterInput) { programs(filter: $f) { totalCount } }",
            vars("f", Map.of("providers", List.of("cxpa", "h\u0000di"))));
    nested.then().statusCode(400);
    assertThat(nested.jsonPath().getString("errors[0].extensions.variable"))
        .isEqualTo("f.providers[1]");

    Response literal =
        GraphqlClient.send(null, "{ program(slug: \"cc\\u0000xp\") { slug } }", Map.of());
    literal.then().statusCode(400);
    assertThat(literal.jsonPath().getList("errors.extensions.code"))
        .containsExactly("BAD_USER_INPUT");
    assertThat(literal.jsonPath().getString("errors[0].extensions.argument")).isEqualTo("slug");

    Response raw = GraphqlClient.send(null, "{ __typename }\u0000", Map.of());
    raw.then().statusCode(400);
    assertThat(raw.jsonPath().getList("errors.extensions.code")).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void shouldAnswerOtherMediaTypesAndMutationsOverGetWithAGraphqlError() {
    Response text =
        given()
            .contentType("text/plain")
            .body("{ __typename }".getBytes(StandardCharsets.UTF_8))
            .post("/graphql");
    text.then().statusCode(415);
    assertThat(text.jsonPath().getList("errors.extensions.code")).containsExactly("BAD_USER_INPUT");
    Response get = given().queryParam("query", "mutation { __typename }").get("/graphql");
    get.then().statusCode(405).header("Allow", "POST");
    assertThat(get.jsonPath().getList("errors.extensions.code")).containsExactly("BAD_USER_INPUT");
    Response graphql =
        given()
            .contentType("application/graphql")
            .body("{ __typename }".getBytes(StandardCharsets.UTF_8))
            .post("/graphql");
    graphql.then().statusCode(200);
    assertThat(graphql.jsonPath().getString("data.__typename")).isEqualTo("Query");
  }

  private static Response post(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/graphql");
  }

  /** A response and how long it took. */
  record Timed(Response response, Duration elapsed) {
    static Timed of(java.util.function.Supplier<Response> call) {
      long start = System.nanoTime();
      Response r = call.get();
      r.asString();
      return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
