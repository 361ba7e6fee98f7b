package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.credentialcatalog.importer.SeedOnStartup;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/programs: every filter, sort and their combinations against the seeded catalog. */
@QuarkusTest
class ProgramSearchTest {

  @Inject SeedOnStartup seed;

  /** The matching slugs, in order, among the seeded programs (other tests add their own). */
  @Inject AgroalDataSource dataSource;

  private List<String> slugs(String query) {
    Set<String> seeded =
        seed.readSeed().programs().stream().map(p -> p.slug()).collect(Collectors.toSet());
    List<String> all =
        given()
            .get("/api/v1/programs?limit=100&" + query)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.slug");
    return all.stream().filter(seeded::contains).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      provider=hdi | hdi-customer-service-representative,hdi-support-center-analyst,hdi-support-center-team-lead
      provider=hdi,cxpa | ccxp,hdi-customer-service-representative,hdi-support-center-analyst,hdi-support-center-team-lead
      provider=copc&provider=isc2 | certified-cloud-security-professional,copc-certification
      type=ORGANIZATIONAL_CERTIFICATION | copc-certification
      level=MANAGER | hdi-support-center-team-lead,icmi-management-certificate
      level=executive | ccxp
      audience=TRAINER | icmi-management-certificate
      competency=CX_STRATEGY | ccxp,ecornell-cx-strategy-certificate
      competency=SERVICE_DESK&level=ENTRY | hdi-support-center-analyst
      delivery=IN_PERSON&provider=icmi | icmi-frontline-certificate,icmi-management-certificate
      proctoring=TEST_CENTER | certified-customer-service-professional
      status=RETIRED |
      q=CCXP | ccxp
      q=HDI-SCA | hdi-support-center-analyst
      q=cloud security | certified-cloud-security-professional,certified-customer-service-professional
      priceMax=200 | certified-customer-service-professional
      priceMin=2000 | ecornell-customer-service-certificate,ecornell-cx-strategy-certificate
      priceMin=300&priceMax=400&provider=icmi | icmi-frontline-certificate,icmi-management-certificate
      priceMax=100 |
      priceMax=500&currency=EUR |
      examMinutesMax=100 | certified-customer-service-professional
      examMinutesMax=120 | ccxp,certified-customer-service-professional
      experienceMonthsMax=12 | certified-customer-service-professional
      experienceMonthsMax=36 | ccxp,certified-customer-service-professional
      renewalCycleYearsMin=3 | certified-customer-service-professional
      renewalCycleYearsMin=4 |
      creditsMax=12 | certified-customer-service-professional
      creditsMax=11 |
      competency=CX_STRATEGY&priceMax=1000&examMinutesMax=120 | ccxp
      """)
  void shouldSelectExactlyTheMatchingPrograms(String query, String expected) {
    List<String> want = expected == null ? List.of() : List.of(expected.split(","));
    assertThat(slugs(query)).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void shouldKeepTheProgramsWithAtLeastTheAskedNumberOfRecognitionSignals() throws SQLException {
    // Two programs with signals (one with two): the seed itself records none.
    String insert =
        "INSERT INTO recognition_signal (program_id, kind, source_name, region, period_start, period_end,"
            + " requirement_level) SELECT id, 'EMPLOYER_RECOGNITION', ?, 'US', DATE '2025-01-01', DATE '2025-06-30',"
            + " 'PREFERRED' FROM program WHERE slug = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(insert)) {
      for (String[] row :
          new String[][] {
            {"signals-min-a", "ccxp"},
            {"signals-min-b", "ccxp"},
            {"signals-min-a", "copc-certification"}
          }) {
        ps.setString(1, row[0]);
        ps.setString(2, row[1]);
        ps.executeUpdate();
      }
    }
    try {
      assertRecognitionSignalsMin();
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement()) {
        st.executeUpdate("DELETE FROM recognition_signal WHERE source_name LIKE 'signals-min-%'");
      }
    }
  }

  private void assertRecognitionSignalsMin() {
    JsonPath all =
        given().get("/api/v1/programs?limit=100").then().statusCode(200).extract().jsonPath();
    List<String> slugs = all.getList("items.slug");
    List<Integer> signals = all.getList("items.recognition.signals", Integer.class);
    int most = Collections.max(signals);
    assertThat(most).as("most signals of one program").isGreaterThanOrEqualTo(2);
    for (int least : new int[] {0, 1, most, most + 1}) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < slugs.size(); i++) {
        if (signals.get(i) >= least) {
          expected.add(slugs.get(i));
        }
      }
      assertThat(
              given()
                  .get("/api/v1/programs?limit=100&recognitionSignalsMin=" + least)
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getList("items.slug", String.class))
          .as("recognitionSignalsMin=%d", least)
          .containsExactlyElementsOf(expected);
    }
    given()
        .get("/api/v1/programs?recognitionSignalsMin=-1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("recognitionSignalsMin"));
  }

  @Test
  void shouldSortByNameAscendingAndDescending() {
    List<String> asc = slugs("sort=name");
    List<String> desc = slugs("sort=-name");
    assertThat(asc).hasSize(13).first().isEqualTo("icmi-ai-in-the-contact-center");
    List<String> reversed = new ArrayList<>(asc);
    Collections.reverse(reversed);
    assertThat(desc).containsExactlyElementsOf(reversed);
  }

  @Test
  void shouldSortByCostOfOwnershipWithUnknownCostsLast() {
    List<String> six = slugs("sort=costOfOwnership&horizonYears=6");
    assertThat(six.subList(0, 3))
        .containsExactlyInAnyOrder(
            "hdi-support-center-analyst",
            "hdi-support-center-team-lead",
            "certified-customer-service-professional");
    assertThat(six.indexOf("certified-customer-service-professional"))
        .isLessThan(six.indexOf("ccxp"));
    assertThat(six.subList(8, 13))
        .contains("copc-certification", "certified-cloud-security-professional");
    // Over one year the CCSP pays no renewal, so it is cheapest by its 150 USD exam fee.
    assertThat(slugs("sort=costOfOwnership&horizonYears=1").get(0))
        .isEqualTo("certified-customer-service-professional");
  }

  @Test
  void shouldSortByInitialCostExamMinutesAndUpdatedAt() {
    assertThat(slugs("sort=initialCost").get(0))
        .isEqualTo("certified-customer-service-professional");
    assertThat(slugs("sort=-initialCost").subList(0, 2))
        .containsExactlyInAnyOrder(
            "ecornell-customer-service-certificate", "ecornell-cx-strategy-certificate");
    assertThat(slugs("sort=examMinutes").subList(0, 2))
        .containsExactly("certified-customer-service-professional", "ccxp");
    assertThat(slugs("sort=-updatedAt")).hasSize(13);
  }

  @Test
  void shouldRankBySearchRelevanceByDefaultWhenSearching() {
    List<String> ranked = slugs("q=customer service professional");
    assertThat(ranked.get(0)).isEqualTo("certified-customer-service-professional");
  }

  /**
   * The list's figures come from the read model's SQL; the expected ones are worked out by hand
   * from the seed (ccxp: exam 450–650, no renewal; certified-customer-service-professional: exam
   * 150–375, renewal fee 99–199 every 2–3 years, so 2–3 renewals in 6 years), and the cost
   * endpoint, which computes from the program's detail, must say the same.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ccxp                                    | 450.00 | 650.00 | 450.00 | 650.00
      certified-customer-service-professional | 150.00 | 375.00 | 348.00 | 972.00
      """)
  void shouldReportSummaryFiguresThatMatchTheCostEndpoint(
      String slug,
      BigDecimal initialMin,
      BigDecimal initialMax,
      BigDecimal totalMin,
      BigDecimal totalMax) {
    JsonPath list =
        given()
            .get("/api/v1/programs?horizonYears=6&currency=USD&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String item = "items.find { it.slug == '" + slug + "' }";
    JsonPath cost =
        given()
            .get("/api/v1/programs/{slug}/cost?horizonYears=6&currency=USD", slug)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(decimal(list, item + ".initialCost.min")).isEqualByComparingTo(initialMin);
    assertThat(decimal(list, item + ".initialCost.max")).isEqualByComparingTo(initialMax);
    assertThat(decimal(list, item + ".costOfOwnership.min")).isEqualByComparingTo(totalMin);
    assertThat(decimal(list, item + ".costOfOwnership.max")).isEqualByComparingTo(totalMax);
    assertThat(decimal(cost, "initial.min")).isEqualByComparingTo(initialMin);
    assertThat(decimal(cost, "initial.max")).isEqualByComparingTo(initialMax);
    assertThat(decimal(cost, "total.min")).isEqualByComparingTo(totalMin);
    assertThat(decimal(cost, "total.max")).isEqualByComparingTo(totalMax);
  }

  @Test
  void shouldReportTheSummaryMeasuresOfTheDetail() {
    JsonPath list =
        given().get("/api/v1/programs?provider=cxpa").then().statusCode(200).extract().jsonPath();
    assertThat(list.getInt("items[0].examMinutes")).isEqualTo(120);
    assertThat(list.getInt("items[0].experienceMonths")).isEqualTo(36);
  }

  private static BigDecimal decimal(JsonPath json, String path) {
    // As BigDecimal: JsonPath reads numbers as float by default, which would round the figures.
    Object value =
        json.using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).get(path);
    assertThat(value).as(path).isNotNull();
    return new BigDecimal(value.toString());
  }

  /**
   * Totals and facets count a narrow copy of the rows pages read (migration V11, enum arrays as bit
   * sets): for each filter, whatever else the catalog holds now, the total is the number of
   * programs the unbounded page lists, and each facet value counts the listed programs that have
   * it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "audience=TRAINER",
    "competency=CX_STRATEGY,SERVICE_DESK",
    "delivery=IN_PERSON&provider=icmi",
    "proctoring=TEST_CENTER",
    "proctoring=REMOTE&delivery=SELF_PACED_ONLINE,BLENDED",
    "provider=hdi,icmi&level=MANAGER,ENTRY",
    "priceMin=300&priceMax=2500",
    "q=customer service"
  })
  void shouldCountTotalsAndFacetsAsThePageListsThem(String query) {
    JsonPath page =
        given()
            .get(
                "/api/v1/programs?limit=100&facets=audience,competency,delivery,level,provider&"
                    + query)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<java.util.Map<String, Object>> items = page.getList("items");
    assertThat(page.getString("nextCursor")).as("one page holds the whole set").isNull();
    assertThat(page.getInt("totalCount")).isEqualTo(items.size());
    for (String[] facet :
        new String[][] {
          {"audience", "audienceRoles"},
          {"competency", "competencies"},
          {"delivery", "deliveryModes"}
        }) {
      java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
      for (java.util.Map<String, Object> item : items) {
        for (Object value : (List<?>) item.get(facet[1])) {
          expected.merge(value.toString(), 1, Integer::sum);
        }
      }
      assertThat(
              new java.util.TreeMap<>(
                  page.getMap("facets." + facet[0], String.class, Integer.class)))
          .as("facet %s of %s", facet[0], query)
          .isEqualTo(expected);
    }
  }

  @Test
  void shouldCountFacetsOverTheFilteredSet() {
    given()
        .get("/api/v1/programs?provider=hdi,icmi&facets=level,provider,delivery")
        .then()
        .statusCode(200)
        .body("facets.provider.hdi", equalTo(3))
        .body("facets.provider.icmi", equalTo(3))
        .body("facets.level.MANAGER", equalTo(2))
        .body("facets.delivery.IN_PERSON", equalTo(4));
  }

  @Test
  void shouldAnswerAnEmptyPageForAFilterThatMatchesNothing() {
    given()
        .get("/api/v1/programs?q=underwater basket weaving")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("totalCount", equalTo(0))
        .body("nextCursor", equalTo(null))
        .header("Link", equalTo(null));
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      level=GURU | level
      limit=0 | limit
      limit=101 | limit
      sort=popularity | sort
      sort=relevance | sort
      priceMin=-5 | priceMin
      priceMin=500&priceMax=100 | priceMin
      currency=dollars | currency
      facets=colour | facets
      cursor=not-a-cursor | cursor
      horizonYears=0 | horizonYears
      levle=MANAGER | levle
      examMinutesMax=ninety | examMinutesMax
      """)
  void shouldRefuseBadParametersNamingThem(String query, String field) {
    given()
        .get("/api/v1/programs?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body(not(containsString("Exception")));
  }
}
