package com.credentialcatalog.rest.write;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the SQL of the {@code costOfOwnership} sort to the Java cost calculator: over programs with
 * generated fees, renewal fees and cycles, a list sorted by cost of ownership for a generated
 * horizon, audience and direction comes in the order of the cost endpoint's lower bounds, and each
 * item's summary figure is the endpoint's. A property over a seeded generator (a Quarkus test
 * cannot run under jqwik's engine); the seed is in every failure message.
 */
@QuarkusTest
class CostOfOwnershipSortTest {

  private static final long SEED = 20261202L;
  private static final String[] AUDIENCES = {null, "MEMBER", "NON_MEMBER"};

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldSortByTheCalculatorsCostOfOwnership() {
    Random random = new Random(SEED);
    String provider = WriteFixtures.createProvider(WriteFixtures.unique("cost-sort"));
    for (int i = 0; i < 10; i++) {
      createGeneratedProgram(
          random, WriteFixtures.createProgram(WriteFixtures.unique("cost-sort"), provider));
    }

    for (int trial = 0; trial < 8; trial++) {
      int horizon = 1 + random.nextInt(50);
      String audience = AUDIENCES[random.nextInt(AUDIENCES.length)];
      boolean descending = random.nextBoolean();
      String what =
          "seed %d trial %d: horizon %d, audience %s, %s"
              .formatted(SEED, trial, horizon, audience, descending ? "descending" : "ascending");
      assertSortedByTheCostEndpoint(provider, horizon, audience, descending, what);
    }
    // The whole catalog too: the seeded programs have renewals without fees, several price kinds.
    assertSortedByTheCostEndpoint(null, 6, null, false, "whole catalog, 6 years");
  }

  private static void assertSortedByTheCostEndpoint(
      String provider, int horizon, String audience, boolean descending, String what) {
    List<String> slugs = new ArrayList<>();
    List<BigDecimal> summary = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification list =
          given()
              .queryParam("sort", (descending ? "-" : "") + "costOfOwnership")
              .queryParam("horizonYears", horizon)
              .queryParam("currency", "USD")
              .queryParam("limit", 100);
      if (provider != null) {
        list.queryParam("provider", provider);
      }
      if (audience != null) {
        list.queryParam("priceAudience", audience);
      }
      if (cursor != null) {
        list.queryParam("cursor", cursor);
      }
      JsonPath page = list.get("/api/v1/programs").then().statusCode(200).extract().jsonPath();
      slugs.addAll(page.getList("items.slug", String.class));
      for (int i = 0; i < page.getList("items").size(); i++) {
        summary.add(decimal(page.getString("items[" + i + "].costOfOwnership.min")));
      }
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertThat(slugs).as(what).isNotEmpty();

    List<BigDecimal> endpoint = new ArrayList<>();
    for (String slug : slugs) {
      RequestSpecification cost =
          given().queryParam("horizonYears", horizon).queryParam("currency", "USD");
      if (audience != null) {
        cost.queryParam("audience", audience);
      }
      endpoint.add(
          decimal(
              cost.get("/api/v1/programs/{slug}/cost", slug)
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getString("total.min")));
    }

    assertThat(summary)
        .as("list figures against the cost endpoint, %s, programs %s", what, slugs)
        .usingElementComparator(ProgramCosts::compare)
        .containsExactlyElementsOf(endpoint);
    List<BigDecimal> known = endpoint.stream().filter(c -> c != null).toList();
    List<BigDecimal> expected = new ArrayList<>(known);
    expected.sort(
        descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
    assertThat(known)
        .as("costs in list order, %s, programs %s", what, slugs)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyElementsOf(expected);
    // Unknown costs (no required fee in USD) sort together, after or before every known one.
    int firstUnknown = endpoint.indexOf(null);
    int lastUnknown = endpoint.lastIndexOf(null);
    if (firstUnknown >= 0) {
      assertThat(endpoint.subList(firstUnknown, lastUnknown + 1))
          .as("unknowns together, %s", what)
          .containsOnlyNulls();
      assertThat(firstUnknown == 0 || lastUnknown == endpoint.size() - 1)
          .as("unknowns at one end, %s", what)
          .isTrue();
    }
  }

  /** Fees for one program: an exam for anyone or per audience, maybe a renewal fee and cycle. */
  private static void createGeneratedProgram(Random random, String slug) {
    if (random.nextInt(4) == 0) {
      price(slug, "EXAM", random, "MEMBER", true);
      price(slug, "EXAM", random, "NON_MEMBER", true);
    } else {
      price(slug, "EXAM", random, "ANY", true);
    }
    if (random.nextInt(3) > 0) {
      price(slug, "APPLICATION", random, "ANY", random.nextBoolean());
    }
    if (random.nextInt(4) > 0) {
      price(slug, "RENEWAL", random, random.nextInt(3) == 0 ? "MEMBER" : "ANY", false);
    }
    if (random.nextInt(4) > 0) {
      int min = 1 + random.nextInt(5);
      WriteFixtures.asAdmin()
          .body(
              """
          {"cycleYearsMin": %d, "cycleYearsMax": %d, "acceptedRoutes": ["CREDITS"]}
          """
                  .formatted(min, min + random.nextInt(3)))
          .put("/api/v1/programs/{slug}/renewal", slug)
          .then()
          .statusCode(201);
    }
  }

  private static void price(
      String slug, String feeType, Random random, String audience, boolean required) {
    BigDecimal min = BigDecimal.valueOf(random.nextInt(200_000), 2);
    BigDecimal max = min.add(BigDecimal.valueOf(random.nextInt(50_000), 2));
    WriteFixtures.asAdmin()
        .body(
            """
        {"feeType": "%s", "amountMin": %s, "amountMax": %s, "currency": "USD", "audience": "%s",
         "requiredForAward": %s, "validFrom": "2024-01-01"}
        """
                .formatted(feeType, min.toPlainString(), max.toPlainString(), audience, required))
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(201);
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  /** Null-safe numeric comparison (2.0 equals 2.00). */
  private static final class ProgramCosts {
    static int compare(BigDecimal a, BigDecimal b) {
      if (a == null || b == null) {
        return a == b ? 0 : a == null ? -1 : 1;
      }
      return a.compareTo(b);
    }
  }
}
