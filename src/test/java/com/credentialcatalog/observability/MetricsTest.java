package com.credentialcatalog.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The catalog metrics and the HTTP server metrics, as Prometheus scrapes them from /q/metrics. */
@QuarkusTest
class MetricsTest {

  private static final String PROGRAM_GET =
      "catalog_query_latency_seconds_count{operation=\"ProgramResource.get\",surface=\"rest\"}";
  private static final String PROVIDER_LIST =
      "catalog_query_latency_seconds_count{operation=\"ProviderResource.find\",surface=\"rest\"}";

  @Test
  void shouldTimeEveryRestQueryByOperation() {
    double programsBefore = value(scrape(), PROGRAM_GET).orElse(0);
    double providersBefore = value(scrape(), PROVIDER_LIST).orElse(0);

    for (int i = 0; i < 3; i++) {
      given().get("/api/v1/programs/ccxp").then().statusCode(200);
      given().get("/api/v1/providers").then().statusCode(200);
    }
    given().get("/api/v1/providers").then().statusCode(200);

    List<String> metrics = scrape();
    assertThat(value(metrics, PROGRAM_GET).orElseThrow()).isGreaterThanOrEqualTo(3);
    assertThat(value(metrics, PROGRAM_GET).getAsDouble() - programsBefore).isEqualTo(3);
    assertThat(value(metrics, PROVIDER_LIST).getAsDouble() - providersBefore).isEqualTo(4);
    assertThat(metrics)
        .as("latency histogram buckets for quantiles and SLOs")
        .anyMatch(
            line ->
                line.startsWith("catalog_query_latency_seconds_bucket{")
                    && line.contains("operation=\"ProgramResource.get\""));
  }

  @Test
  void shouldTimeQueriesThatEndInAProblemToo() {
    double before = value(scrape(), PROGRAM_GET).orElse(0);

    given().get("/api/v1/programs/no-such-program").then().statusCode(404);

    assertThat(value(scrape(), PROGRAM_GET).orElseThrow() - before).isEqualTo(1);
  }

  @Test
  void shouldKeepHttpServerMetricsPerRouteTemplate() {
    given().get("/api/v1/programs/ccxp").then().statusCode(200);

    assertThat(scrape())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("method=\"GET\"")
                    && line.contains("status=\"200\"")
                    && line.contains("uri=\"/api/v1/programs/{slug}\""));
  }

  @Test
  void shouldExposeCatalogCountersBeforeAnythingHappened() {
    List<String> metrics = scrape();
    for (String result : CatalogMetrics.INGEST_RESULTS) {
      assertThat(metrics)
          .anyMatch(
              line -> line.startsWith("catalog_ingest_items_total{result=\"" + result + "\"}"));
    }
    assertThat(metrics)
        .anyMatch(line -> line.startsWith("catalog_lookup_names_total "))
        .anyMatch(line -> line.startsWith("catalog_lookup_matched_total "))
        .anyMatch(line -> line.startsWith("catalog_lookup_match_ratio "));
  }

  @Test
  void shouldCountLookupMatchesCacheHitsAndIngestedItems() {
    List<String> before = scrape();
    given()
        .contentType("application/json")
        .body(java.util.Map.of("names", List.of("CCXP", "no such credential")))
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(200);
    String url = "/api/v1/programs?provider=copc&limit=7";
    String etag = given().get(url).then().statusCode(200).extract().header("ETag");
    given().header("If-None-Match", etag).get(url).then().statusCode(304);
    given()
        .auth()
        .oauth2(com.credentialcatalog.security.DevTokens.recognitionWriter())
        .contentType("application/json")
        .body(
            java.util.Map.of(
                "observations", List.of(java.util.Map.of("program", "no-such-program"))))
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(200);
    List<String> after = scrape();
    assertThat(delta(before, after, "catalog_lookup_names_total")).isEqualTo(2);
    assertThat(delta(before, after, "catalog_lookup_matched_total")).isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "catalog_cache_requests_total{cache=\"conditional-get\",result=\"hit\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "catalog_ingest_items_total{result=\"rejected\"}"))
        .isEqualTo(1);
  }

  private static double delta(List<String> before, List<String> after, String series) {
    return value(after, series).orElse(0) - value(before, series).orElse(0);
  }

  private static List<String> scrape() {
    String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return Arrays.asList(body.split("\n"));
  }

  /** The sample value of the series named exactly {@code series} (name and labels). */
  private static OptionalDouble value(List<String> metrics, String series) {
    return metrics.stream()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(
            line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
        .findFirst();
  }
}
