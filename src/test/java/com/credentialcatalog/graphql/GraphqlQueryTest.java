package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read operations answer what the REST resources answer, nested in one round trip. */
@QuarkusTest
class GraphqlQueryTest {

  static final String CCSP = "certified-customer-service-professional";

  @Test
  void shouldAnswerAProgramWithEveryNestedFieldAsItsRestDetail() {
    JsonPath rest =
        given().get("/api/v1/programs/{slug}", CCSP).then().statusCode(200).extract().jsonPath();
    JsonPath gql =
        query(
            """
        query Program($slug: String!) {
          program(slug: $slug) {
            slug name acronym credentialType level audienceRoles competencies deliveryModes languages
            studyHours { min max } durationWeeks { min max } launchYear status website description lastVerifiedAt
            source version
            provider { slug name }
            aliases
            prices { id feeType amount { min max } currency audience deliveryMode requiredForAward validFrom validTo
                     note source }
            exams { id name durationMinutes { min max } questionCount { min max } proctoring testVendors { slug }
                    languages note source }
            renewal { cycleYears { min max } credits { min max } creditUnit acceptedRoutes proofRetentionYears
                      fees { id } note source }
            eligibility { name description conditions { kind value { min max } credential description } source }
            outcomes { metric value { min max } unit periodMonths { min max } statement source }
            sources { slug title url publisher asOfYear note }
          }
        }
        """,
            vars("slug", CCSP));
    assertThat(gql.getList("errors")).isNull();
    String p = "data.program.";
    for (String field :
        List.of(
            "slug",
            "name",
            "acronym",
            "credentialType",
            "level",
            "audienceRoles",
            "competencies",
            "deliveryModes",
            "languages",
            "studyHours",
            "durationWeeks",
            "launchYear",
            "status",
            "website",
            "description",
            "lastVerifiedAt",
            "source",
            "version",
            "aliases",
            "outcomes")) {
      assertThat((Object) gql.get(p + field)).as(field).isEqualTo(rest.get(field));
    }
    assertThat(gql.getString(p + "provider.slug")).isEqualTo(rest.getString("provider.slug"));
    assertThat(gql.getList(p + "prices.id"))
        .containsExactlyElementsOf(
            rest.getList("prices.id", Long.class).stream().map(String::valueOf).toList());
    assertThat((Object) gql.get(p + "prices.amount")).isEqualTo(rest.get("prices.amount"));
    assertThat(gql.getList(p + "prices.source")).isEqualTo(rest.getList("prices.source"));
    assertThat(gql.getList(p + "exams.name")).isEqualTo(rest.getList("exams.name"));
    assertThat((Object) gql.get(p + "exams.durationMinutes"))
        .isEqualTo(rest.get("exams.durationMinutes"));
    assertThat((Object) gql.get(p + "exams.proctoring")).isEqualTo(rest.get("exams.proctoring"));
    // Test vendors are a set: the catalog gives them in no particular order.
    List<List<String>> vendors = gql.getList(p + "exams.testVendors.slug");
    List<List<String>> restVendors = rest.getList("exams.testVendors.slug");
    assertThat(vendors).hasSameSizeAs(restVendors);
    for (int i = 0; i < vendors.size(); i++) {
      assertThat(vendors.get(i)).containsExactlyInAnyOrderElementsOf(restVendors.get(i));
    }
    assertThat((Object) gql.get(p + "renewal.cycleYears"))
        .isEqualTo(rest.get("renewal.cycleYears"));
    assertThat((Object) gql.get(p + "renewal.credits")).isEqualTo(rest.get("renewal.credits"));
    assertThat(gql.getList(p + "renewal.fees.id"))
        .containsExactlyElementsOf(
            rest.getList("renewal.fees.id", Long.class).stream().map(String::valueOf).toList());
    assertThat(gql.getList(p + "eligibility.name")).isEqualTo(rest.getList("eligibility.name"));
    assertThat((Object) gql.get(p + "eligibility.conditions"))
        .isEqualTo(rest.get("eligibility.conditions"));
    assertThat(gql.getList(p + "sources.slug")).isEqualTo(rest.getList("sources.slug"));
  }

  @Test
  void shouldFilterPricesByFeeTypeAndDateEvenWhenAliasesAskDifferently() {
    JsonPath gql =
        query(
            """
        { program(slug: "certified-customer-service-professional") {
            all: prices { feeType }
            exam: prices(feeType: [EXAM]) { feeType }
            renewal: prices(feeType: [RENEWAL]) { feeType }
            inForce: prices(asOf: "2024-06-01") { id }
            long: costOfOwnership(horizonYears: 6, currency: "USD") { horizonYears total { min max } }
            short: costOfOwnership(horizonYears: 1, currency: "USD") { horizonYears total { min max } }
        } }
        """);
    assertThat(gql.getList("data.program.exam.feeType")).isNotEmpty().containsOnly("EXAM");
    assertThat(gql.getList("data.program.renewal.feeType")).isNotEmpty().containsOnly("RENEWAL");
    assertThat(gql.getList("data.program.all")).hasSizeGreaterThanOrEqualTo(2);
    JsonPath rest =
        given()
            .get("/api/v1/programs/{slug}/prices?asOf=2024-06-01", CCSP)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(gql.getList("data.program.inForce.id"))
        .containsExactlyElementsOf(
            rest.getList("inForce.id", Long.class).stream().map(String::valueOf).toList());
    for (String alias : List.of("long", "short")) {
      int horizon = gql.getInt("data.program." + alias + ".horizonYears");
      JsonPath cost =
          given()
              .get("/api/v1/programs/{slug}/cost?currency=USD&horizonYears=" + horizon, CCSP)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat((Object) gql.get("data.program." + alias + ".total"))
          .as(alias)
          .isEqualTo(cost.get("total"));
    }
  }

  @Test
  void shouldAnswerCostOfOwnershipAsTheRestCostResource() {
    JsonPath gql =
        query(
            """
        { costOfOwnership(program: "certified-customer-service-professional", horizonYears: 6, audience: NON_MEMBER,
            currency: "USD", asOf: "2025-01-01") {
            program horizonYears audience currency asOf complete assumptions
            initial { min max } renewals { min max } total { min max } perYear { min max } renewalCount { min max }
            lineItems { label feeType amount { min max } count { min max } subtotal { min max } sources } } }
        """);
    JsonPath rest =
        given()
            .get(
                "/api/v1/programs/{slug}/cost?horizonYears=6&audience=NON_MEMBER&currency=USD"
                    + "&asOf=2025-01-01",
                CCSP)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> answer = gql.getMap("data.costOfOwnership");
    answer.forEach((field, value) -> assertThat(value).as(field).isEqualTo(rest.get(field)));
  }

  @Test
  void shouldPageThroughProgramsWithRelayCursors() {
    List<String> all =
        given()
            .get("/api/v1/programs?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.slug");
    List<String> paged = new ArrayList<>();
    String after = null;
    boolean first = true;
    while (true) {
      JsonPath page =
          query(
              """
          query Page($after: String) { programs(first: 4, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }
          """,
              vars("after", after));
      var connection = "data.programs.";
      assertThat(page.getBoolean(connection + "pageInfo.hasPreviousPage")).isEqualTo(!first);
      assertThat(page.getInt(connection + "totalCount")).isEqualTo(all.size());
      List<String> cursors = page.getList(connection + "edges.cursor");
      if (!cursors.isEmpty()) {
        assertThat(page.getString(connection + "pageInfo.startCursor")).isEqualTo(cursors.get(0));
        assertThat(page.getString(connection + "pageInfo.endCursor"))
            .isEqualTo(cursors.get(cursors.size() - 1));
      }
      paged.addAll(page.getList(connection + "edges.node.slug"));
      first = false;
      if (!page.getBoolean(connection + "pageInfo.hasNextPage")) {
        break;
      }
      after = page.getString(connection + "pageInfo.endCursor");
    }
    assertThat(paged).containsExactlyElementsOf(all);
  }

  @Test
  void shouldResumeRightAfterAnyEdgeCursor() {
    JsonPath page =
        query(
            "{ programs(first: 6, orderBy: {field: EXAM_MINUTES}) { edges { cursor node { slug } } } }");
    List<String> slugs = page.getList("data.programs.edges.node.slug");
    String third = page.getString("data.programs.edges[2].cursor");
    JsonPath rest =
        query(
            """
        query Rest($after: String) { programs(first: 3, after: $after, orderBy: {field: EXAM_MINUTES}) {
          edges { node { slug } } } }
        """,
            vars("after", third));
    assertThat(rest.getList("data.programs.edges.node.slug"))
        .containsExactlyElementsOf(slugs.subList(3, 6));
  }

  @Test
  void shouldCountTheFilteredSetAndItsFacetsAsRestDoes() {
    JsonPath rest =
        given()
            .get("/api/v1/programs?provider=hdi,icmi&facets=level,provider,delivery")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath gql =
        query(
            """
        { programs(filter: {providers: ["hdi", "icmi"]}, first: 1) {
            totalCount
            facets(fields: [LEVEL, PROVIDER]) { field values { value count } }
            delivery: facets(fields: [DELIVERY]) { field values { value count } } } }
        """);
    assertThat(gql.getInt("data.programs.totalCount")).isEqualTo(rest.getInt("totalCount"));
    assertThat(counts(gql, "data.programs.facets[0]")).isEqualTo(rest.getMap("facets.level"));
    assertThat(counts(gql, "data.programs.facets[1]")).isEqualTo(rest.getMap("facets.provider"));
    assertThat(counts(gql, "data.programs.delivery[0]")).isEqualTo(rest.getMap("facets.delivery"));
    assertThat(gql.getString("data.programs.facets[0].field")).isEqualTo("LEVEL");
  }

  @Test
  void shouldFindProvidersAsTheRestListDoes() {
    List<String> rest =
        given()
            .get("/api/v1/providers?limit=100&sort=-name")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.slug");
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      JsonPath page =
          query(
              """
          query Page($after: String) { providers(first: 3, after: $after, orderBy: {field: NAME, direction: DESC}) {
            pageInfo { hasNextPage endCursor } edges { cursor node { slug programCount version source { slug } } } } }
          """,
              vars("after", after));
      paged.addAll(page.getList("data.providers.edges.node.slug"));
      after =
          page.getBoolean("data.providers.pageInfo.hasNextPage")
              ? page.getString("data.providers.pageInfo.endCursor")
              : null;
    } while (after != null);
    assertThat(paged).containsExactlyElementsOf(rest);

    JsonPath hdi =
        query("{ provider(slug: \"hdi\") { slug name kind programCount source { slug } } }");
    JsonPath restHdi =
        given().get("/api/v1/providers/hdi").then().statusCode(200).extract().jsonPath();
    assertThat(hdi.getInt("data.provider.programCount")).isEqualTo(restHdi.getInt("programCount"));
    assertThat(hdi.getString("data.provider.kind")).isEqualTo(restHdi.getString("kind"));
    assertThat(
            query("{ providers(filter: {kinds: [TEST_VENDOR]}) { edges { node { kind } } } }")
                .getList("data.providers.edges.node.kind"))
        .isNotEmpty()
        .containsOnly("TEST_VENDOR");
  }

  @Test
  void shouldCompareProgramsAsTheRestComparisonDoes() {
    JsonPath rest =
        given()
            .get("/api/v1/compare?programs=ccxp," + CCSP + "&horizonYears=6")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath gql =
        query(
            """
        { compare(programs: ["ccxp", "certified-customer-service-professional"], horizonYears: 6) {
            programs horizonYears rows { attribute label values } findings { measure label best value unit }
            differences { program costOverHorizon examMinutes } costs { program total { min max } } } }
        """);
    for (String field : List.of("programs", "horizonYears", "rows", "findings")) {
      assertThat((Object) gql.get("data.compare." + field)).as(field).isEqualTo(rest.get(field));
    }
    assertThat(gql.getList("data.compare.costs.total")).isEqualTo(rest.getList("costs.total"));
  }

  @Test
  void shouldEvaluateEligibilityAsTheRestResourceDoes() {
    String profile =
        "{\"age\": 25, \"experienceMonths\": 14, \"courseHours\": 0, \"credentialsHeld\": []}";
    JsonPath rest =
        given()
            .contentType(ContentType.JSON)
            .body(profile)
            .post("/api/v1/eligibility?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath gql =
        query(
            """
        { eligibility(profile: {age: 25, experienceMonths: 14, courseHours: 0, credentialsHeld: []}, first: 100) {
            totalCount edges { cursor node { program name status eligibleVia
              routes { route satisfied met { kind } missing { kind description gap } unknown { kind } } } } } }
        """);
    assertThat(gql.getInt("data.eligibility.totalCount")).isEqualTo(rest.getInt("totalCount"));
    assertThat(gql.getList("data.eligibility.edges.node.program"))
        .isEqualTo(rest.getList("items.program"));
    assertThat(gql.getList("data.eligibility.edges.node.status"))
        .isEqualTo(rest.getList("items.status"));
    assertThat((Object) gql.get("data.eligibility.edges.node.routes.missing"))
        .isEqualTo(rest.get("items.routes.missing"));
  }

  @Test
  void shouldAnswerAnEmptyConnectionForAFilterThatMatchesNothing() {
    JsonPath gql =
        query(
            """
        { programs(filter: {q: "underwater basket weaving"}) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }
        """);
    assertThat(gql.getInt("data.programs.totalCount")).isZero();
    assertThat(gql.getList("data.programs.edges")).isEmpty();
    assertThat(gql.getBoolean("data.programs.pageInfo.hasNextPage")).isFalse();
    assertThat(gql.getString("data.programs.pageInfo.endCursor")).isNull();
  }

  @Test
  void shouldTimeEachQueryByItsRootField() {
    query("{ providers(first: 1) { edges { cursor } } }");
    query(
        "{ a: program(slug: \"ccxp\") { slug } b: program(slug: \"hdi-support-center-analyst\") { slug } }");
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "catalog_query_latency_seconds_count\\{[^}]*operation=\"providers\"[^}]*surface=\"graphql\"")
        .containsPattern(
            "catalog_query_latency_seconds_count\\{[^}]*operation=\"multiple\"[^}]*surface=\"graphql\"");
  }

  private static Map<String, Integer> counts(JsonPath json, String facet) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> values = json.getList(facet + ".values");
    values.forEach(v -> counts.put((String) v.get("value"), (Integer) v.get("count")));
    return counts;
  }
}
