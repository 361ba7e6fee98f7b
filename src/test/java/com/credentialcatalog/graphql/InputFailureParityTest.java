package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same bad input through REST and GraphQL: both name the field (each in its own vocabulary:
 * {@code level} and {@code filter.levels}, {@code limit} and {@code first}) and say the same words.
 * The REST side reads {@code errors[0]} of the problem, the GraphQL side {@code
 * errors[0].extensions.field} and {@code errors[0].message}.
 */
@QuarkusTest
class InputFailureParityTest {

  private static final String PROGRAMS =
      """
      query($f: ProgramFilterInput, $o: ProgramOrderInput, $first: Int, $after: String) {
        programs(filter: $f, orderBy: $o, first: $first, after: $after) { edges { node { slug } } } }""";
  private static final String PROVIDERS =
      """
      query($f: ProviderFilterInput) { providers(filter: $f) { edges { node { slug } } } }""";
  private static final String COMPARE =
      """
      query($h: Int, $c: String) { compare(programs: ["ccxp", "cxpa"], horizonYears: $h, currency: $c) { programs } }""";

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void deleteCreatedData() throws Exception {
    GraphqlWriteFixtures.deleteAll(dataSource);
  }

  /** A failure as one surface reported it. */
  record Failure(String field, String message) {}

  private static Failure rest(String path, Map<String, ?> params) {
    JsonPath problem =
        given().queryParams(params).get(path).then().statusCode(400).extract().jsonPath();
    return new Failure(
        problem.getString("errors[0].field"), problem.getString("errors[0].message"));
  }

  private static Failure graphql(String document, Map<String, Object> variables) {
    JsonPath response = failing(document, variables);
    assertThat(response.getString("errors[0].extensions.code"))
        .as("code of %s", variables)
        .isEqualTo("BAD_USER_INPUT");
    return new Failure(
        response.getString("errors[0].extensions.field"), response.getString("errors[0].message"));
  }

  static Stream<Arguments> filters() {
    String longText = "x".repeat(201);
    return Stream.of(
        Arguments.of(
            Map.of("currency", "usd"),
            vars("currency", "usd"),
            "currency",
            "currency must be an ISO 4217 code such as USD"),
        Arguments.of(
            Map.of("recognizedIn", "EU1"),
            vars("recognizedIn", "EU1"),
            "recognizedIn",
            "recognizedIn must be an ISO 3166 alpha-2 code such as US, or GLOBAL"),
        Arguments.of(
            Map.of("q", longText), vars("q", longText), "q", "q must be at most 200 characters"),
        Arguments.of(
            Map.of("priceMin", "10", "priceMax", "5"),
            vars("priceMin", 10, "priceMax", 5),
            "priceMin",
            "priceMin must not exceed priceMax"),
        Arguments.of(
            Map.of("priceMin", "-1"),
            vars("priceMin", -1),
            "priceMin",
            "priceMin must not be negative"),
        Arguments.of(
            Map.of("priceMax", "2e12"),
            vars("priceMax", 2e12),
            "priceMax",
            "priceMax is out of range"),
        Arguments.of(
            Map.of("examMinutesMax", "-5"),
            vars("examMinutesMax", -5),
            "examMinutesMax",
            "examMinutesMax must not be negative"));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void shouldRefuseABadFilterValueAlikeOnBothSurfaces(
      Map<String, ?> params, Map<String, Object> filter, String field, String message) {
    assertThat(rest("/api/v1/programs", params)).isEqualTo(new Failure(field, message));
    assertThat(graphql(PROGRAMS, vars("f", filter)))
        .isEqualTo(new Failure("filter." + field, message));
  }

  @Test
  void shouldNameAListFieldAsEachSurfaceSpellsIt() {
    List<String> slugs = IntStream.rangeClosed(1, 51).mapToObj(i -> "p" + i).toList();
    assertThat(rest("/api/v1/programs", Map.of("provider", String.join(",", slugs))))
        .isEqualTo(new Failure("provider", "at most 50 values for provider"));
    assertThat(graphql(PROGRAMS, vars("f", vars("providers", slugs))))
        .isEqualTo(new Failure("filter.providers", "at most 50 values for providers"));
    assertThat(rest("/api/v1/programs", Map.of("level", "ENTRY,BOSS")))
        .isEqualTo(
            new Failure(
                "level",
                "'BOSS' is not one of [ENTRY, PROFESSIONAL, MANAGER, EXECUTIVE, ORGANIZATION]"));
  }

  @Test
  void shouldRefuseARelevanceOrderWithoutSearchTextAlike() {
    Failure rest = rest("/api/v1/programs", Map.of("sort", "relevance"));
    Failure graphql = graphql(PROGRAMS, vars("o", vars("field", "RELEVANCE")));
    assertThat(rest).isEqualTo(new Failure("sort", "Sorting by relevance needs a search text q"));
    assertThat(graphql).isEqualTo(new Failure("orderBy", rest.message()));
  }

  @Test
  void shouldRefuseABadPageSizeNamingEachSurfacesArgument() {
    assertThat(rest("/api/v1/programs", Map.of("limit", "0")))
        .isEqualTo(new Failure("limit", "limit must be between 1 and 100"));
    assertThat(graphql(PROGRAMS, vars("first", 0)))
        .isEqualTo(new Failure("first", "first must be between 1 and 100"));
    assertThat(rest("/api/v1/providers", Map.of("limit", "101")))
        .isEqualTo(new Failure("limit", "limit must be between 1 and 100"));
  }

  @Test
  void shouldRefuseAForeignCursorNamingEachSurfacesArgument() {
    assertThat(rest("/api/v1/programs", Map.of("cursor", "garbage!")))
        .isEqualTo(
            new Failure("cursor", "Malformed cursor; use the nextCursor of a previous page"));
    assertThat(graphql(PROGRAMS, vars("after", "garbage!")))
        .isEqualTo(new Failure("after", "Malformed cursor; use the endCursor of a previous page"));
  }

  @Test
  void shouldRefuseABadHorizonAlike() {
    String message = "horizonYears must be between 1 and 50";
    assertThat(rest("/api/v1/programs", Map.of("horizonYears", "0")))
        .isEqualTo(new Failure("horizonYears", message));
    assertThat(graphql(PROGRAMS, vars("o", vars("horizonYears", 0))))
        .isEqualTo(new Failure("orderBy.horizonYears", message));
    assertThat(rest("/api/v1/compare", Map.of("programs", "ccxp,cxpa", "horizonYears", "51")))
        .isEqualTo(new Failure("horizonYears", message));
    assertThat(graphql(COMPARE, vars("h", 51))).isEqualTo(new Failure("horizonYears", message));
    assertThat(rest("/api/v1/programs/ccxp/cost", Map.of("horizonYears", "0")))
        .isEqualTo(new Failure("horizonYears", message));
  }

  @Test
  void shouldRefuseABadCurrencyArgumentAlike() {
    Failure rest = rest("/api/v1/compare", Map.of("programs", "ccxp,cxpa", "currency", "EURO"));
    assertThat(rest)
        .isEqualTo(new Failure("currency", "currency must be an ISO 4217 code such as USD"));
    assertThat(graphql(COMPARE, vars("c", "EURO"))).isEqualTo(rest);
  }

  @Test
  void shouldRefuseABadProviderFilterAlike() {
    Failure rest = rest("/api/v1/providers", Map.of("country", "usa"));
    assertThat(rest)
        .isEqualTo(new Failure("country", "country must be an ISO 3166 alpha-2 code such as US"));
    assertThat(graphql(PROVIDERS, vars("f", vars("country", "usa"))))
        .isEqualTo(new Failure("filter.country", rest.message()));
  }

  private static RequestSpecification asAdmin() {
    return given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  @Test
  void shouldRefuseAnInvalidBodyAlike() {
    String program =
        GraphqlWriteFixtures.createProgram(
            GraphqlWriteFixtures.unique("parity"),
            GraphqlWriteFixtures.createProvider(GraphqlWriteFixtures.unique("parityp")));
    JsonPath problem =
        asAdmin()
            .body(
                """
        {"feeType": "EXAM", "amountMin": 200, "amountMax": 100, "currency": "USD", "audience": "ANY",
         "requiredForAward": true, "validFrom": "2025-01-01"}""")
            .post("/api/v1/programs/{slug}/prices", program)
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    JsonPath response =
        failing(
            DevTokens.admin(),
            """
        mutation($p: String!) { addPrice(program: $p, input: {feeType: EXAM, amountMin: 200, amountMax: 100,
          currency: "USD", audience: ANY, requiredForAward: true, validFrom: "2025-01-01"}) { id } }""",
            vars("p", program));
    assertThat(response.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    assertThat(response.getList("errors[0].extensions.fields"))
        .isEqualTo(problem.getList("errors"));
    assertThat(response.getString("errors[0].message"))
        .isEqualTo(problem.getString("detail"))
        .startsWith("Invalid input: amountMax");
  }

  @Test
  void shouldRefuseAnUnknownReferenceAlike() {
    String slug = GraphqlWriteFixtures.unique("parityref");
    JsonPath problem =
        asAdmin()
            .body(
                """
        {"slug": "%s", "name": "Program", "acronym": "PX", "provider": "gqw-no-such-provider",
         "credentialType": "CERTIFICATION", "level": "PROFESSIONAL", "competencies": ["CX_STRATEGY"],
         "languages": ["en"], "studyHoursMin": 10, "studyHoursMax": 20, "description": "A test program."}
        """
                    .formatted(slug))
            .post("/api/v1/programs")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    JsonPath response =
        failing(
            DevTokens.admin(),
            """
        mutation($slug: String!) { createProgram(input: {slug: $slug, name: "Program", acronym: "PX",
          provider: "gqw-no-such-provider", credentialType: CERTIFICATION, level: PROFESSIONAL,
          competencies: [CX_STRATEGY], languages: ["en"], studyHoursMin: 10, studyHoursMax: 20,
          description: "A test program."}) { slug } }""",
            vars("slug", slug));
    assertThat(problem.getString("errors[0].field")).isEqualTo("provider");
    assertThat(response.getString("errors[0].extensions.field")).isEqualTo("provider");
    assertThat(response.getString("errors[0].message"))
        .isEqualTo(problem.getString("detail"))
        .isEqualTo("Invalid input: provider no provider has slug 'gqw-no-such-provider'");
  }

  @Test
  void shouldRefuseATakenSlugAlike() {
    String provider = GraphqlWriteFixtures.createProvider(GraphqlWriteFixtures.unique("paritydup"));
    JsonPath problem =
        asAdmin()
            .body(
                """
        {"slug": "%s", "name": "Provider", "kind": "TRAINING_VENDOR", "website": "https://p.example", "country": "US"}
        """
                    .formatted(provider))
            .post("/api/v1/providers")
            .then()
            .statusCode(409)
            .extract()
            .jsonPath();
    JsonPath response =
        failing(
            DevTokens.admin(),
            """
        mutation($slug: String!) { createProvider(input: {slug: $slug, name: "Provider", kind: TRAINING_VENDOR,
          website: "https://p.example", country: "US"}) { slug } }""",
            vars("slug", provider));
    assertThat(response.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
    assertThat(response.getString("errors[0].message")).isEqualTo(problem.getString("detail"));
  }
}
