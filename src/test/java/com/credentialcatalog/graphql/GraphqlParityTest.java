package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REST and GraphQL are two adapters over one core (ARCHITECTURE.md "Room map"): the same filter and
 * order through GET /api/v1/programs and through {@code programs(filter, orderBy)} select the same
 * programs in the same order, every page followed to the end.
 */
@QuarkusTest
class GraphqlParityTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      provider=hdi                                   | filter: {providers: ["hdi"]}
      provider=hdi,cxpa                              | filter: {providers: ["hdi", "cxpa"]}
      provider=copc&provider=isc2                    | filter: {providers: ["copc", "isc2"]}
      type=ORGANIZATIONAL_CERTIFICATION              | filter: {types: [ORGANIZATIONAL_CERTIFICATION]}
      level=MANAGER                                  | filter: {levels: [MANAGER]}
      level=executive                                | filter: {levels: [EXECUTIVE]}
      audience=TRAINER                               | filter: {audiences: [TRAINER]}
      competency=CX_STRATEGY                         | filter: {competencies: [CX_STRATEGY]}
      competency=SERVICE_DESK&level=ENTRY            | filter: {competencies: [SERVICE_DESK], levels: [ENTRY]}
      delivery=IN_PERSON&provider=icmi               | filter: {deliveryModes: [IN_PERSON], providers: ["icmi"]}
      proctoring=TEST_CENTER                         | filter: {proctoring: [TEST_CENTER]}
      language=en                                    | filter: {languages: ["en"]}
      status=RETIRED                                 | filter: {statuses: [RETIRED]}
      status=ACTIVE                                  | filter: {statuses: [ACTIVE]}
      q=CCXP                                         | filter: {q: "CCXP"}
      q=HDI-SCA                                      | filter: {q: "HDI-SCA"}
      q=cloud security                               | filter: {q: "cloud security"}
      q=customer service professional                | filter: {q: "customer service professional"}
      priceMax=200                                   | filter: {priceMax: 200}
      priceMin=2000                                  | filter: {priceMin: 2000}
      priceMin=300&priceMax=400&provider=icmi        | filter: {priceMin: 300, priceMax: 400, providers: ["icmi"]}
      priceMax=500&currency=EUR                      | filter: {priceMax: 500, currency: "EUR"}
      priceMax=700&priceAudience=NON_MEMBER          | filter: {priceMax: 700, priceAudience: NON_MEMBER}
      examMinutesMax=100                             | filter: {examMinutesMax: 100}
      examMinutesMax=120                             | filter: {examMinutesMax: 120}
      experienceMonthsMax=12                         | filter: {experienceMonthsMax: 12}
      experienceMonthsMax=36                         | filter: {experienceMonthsMax: 36}
      renewalCycleYearsMin=3                         | filter: {renewalCycleYearsMin: 3}
      creditsMax=12                                  | filter: {creditsMax: 12}
      recognizedIn=US                                | filter: {recognizedIn: "US"}
      recognitionSignalsMin=1                        | filter: {recognitionSignalsMin: 1}
      competency=CX_STRATEGY&priceMax=1000&examMinutesMax=120 | filter: {competencies: [CX_STRATEGY], priceMax: 1000, examMinutesMax: 120}
      sort=name                                      | orderBy: {field: NAME}
      sort=-name                                     | orderBy: {field: NAME, direction: DESC}
      sort=costOfOwnership&horizonYears=6            | orderBy: {field: COST_OF_OWNERSHIP, horizonYears: 6}
      sort=costOfOwnership&horizonYears=1            | orderBy: {field: COST_OF_OWNERSHIP, horizonYears: 1}
      sort=-costOfOwnership&currency=USD             | orderBy: {field: COST_OF_OWNERSHIP, direction: DESC}, filter: {currency: "USD"}
      sort=initialCost                               | orderBy: {field: INITIAL_COST}
      sort=-initialCost&priceAudience=MEMBER         | orderBy: {field: INITIAL_COST, direction: DESC}, filter: {priceAudience: MEMBER}
      sort=examMinutes                               | orderBy: {field: EXAM_MINUTES}
      sort=-updatedAt                                | orderBy: {field: UPDATED_AT, direction: DESC}
      sort=recognition                               | orderBy: {field: RECOGNITION}
      sort=relevance&q=customer                      | orderBy: {field: RELEVANCE}, filter: {q: "customer"}
      sort=-relevance&q=customer                     | orderBy: {field: RELEVANCE, direction: DESC}, filter: {q: "customer"}
      q=customer experience&provider=cxpa,ecornell   | filter: {q: "customer experience", providers: ["cxpa", "ecornell"]}
      level=PROFESSIONAL&sort=-examMinutes           | filter: {levels: [PROFESSIONAL]}, orderBy: {field: EXAM_MINUTES, direction: DESC}
      """)
  void shouldSelectTheSameProgramsInTheSameOrderAsRest(String rest, String graphql) {
    assertThat(graphqlSlugs(graphql)).containsExactlyElementsOf(restSlugs(rest));
  }

  /** Every page of GET /api/v1/programs, following nextCursor. */
  private static List<String> restSlugs(String query) {
    List<String> slugs = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page =
          given()
              .queryParam("limit", 7)
              .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
              .get("/api/v1/programs?" + query)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      slugs.addAll(page.getList("items.slug"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return slugs;
  }

  /** Every page of {@code programs}, following pageInfo.endCursor. */
  private static List<String> graphqlSlugs(String arguments) {
    List<String> slugs = new ArrayList<>();
    String after = null;
    do {
      JsonPath page =
          query(
              "query Page($after: String) { programs("
                  + arguments
                  + ", first: 7, after: $after) {"
                  + " pageInfo { hasNextPage endCursor } edges { node { slug } } } }",
              GraphqlClient.vars("after", after));
      assertThat(page.getList("errors")).as("errors").isNull();
      slugs.addAll(page.getList("data.programs.edges.node.slug"));
      after =
          page.getBoolean("data.programs.pageInfo.hasNextPage")
              ? page.getString("data.programs.pageInfo.endCursor")
              : null;
    } while (after != null);
    return slugs;
  }
}
