package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/recognition/observations and what readers see of it. */
@QuarkusTest
class RecognitionIngestTest {

  private static Map<String, Object> observation(
      String program, String region, String month, String level, int matched, int scanned) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("program", program);
    o.put("kind", "JOB_POSTING_MENTIONS");
    o.put("sourceName", "ingest-test-board");
    o.put("sourceUrl", "https://jobs.example");
    o.put("region", region);
    o.put("periodStart", month + "-01");
    o.put("periodEnd", month + "-28");
    o.put("requirementLevel", level);
    o.put("postingsMatched", matched);
    o.put("postingsScanned", scanned);
    return o;
  }

  private static JsonPath submit(List<Map<String, Object>> batch) {
    return given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .contentType("application/json")
        .body(Map.of("observations", batch))
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldStoreARetriedBatchOnlyOnce() {
    List<Map<String, Object>> batch =
        List.of(
            observation("copc-certification", "US", "2025-01", "PREFERRED", 30, 1000),
            observation("copc-certification", "US", "2025-02", "PREFERRED", 45, 1500),
            observation("copc-certification", "GB", "2025-01", "REQUIRED", 5, 400));
    JsonPath first = submit(batch);
    assertThat(first.getInt("created")).isEqualTo(3);

    JsonPath retry = submit(batch);
    assertThat(retry.getInt("created")).isZero();
    assertThat(retry.getInt("updated")).isZero();
    assertThat(retry.getInt("unchanged")).isEqualTo(3);
    assertThat(retry.getList("items.status", String.class)).containsOnly("UNCHANGED");

    List<Map<String, Object>> corrected = new ArrayList<>(batch);
    corrected.set(1, observation("copc-certification", "US", "2025-02", "PREFERRED", 60, 1500));
    JsonPath third = submit(corrected);
    assertThat(third.getList("items.status", String.class))
        .containsExactly("UNCHANGED", "UPDATED", "UNCHANGED");

    given()
        .get("/api/v1/programs/copc-certification/recognition?region=US")
        .then()
        .statusCode(200)
        .body("signals.size()", equalTo(2))
        .body("series[0].region", equalTo("US"))
        .body("series[0].requirementLevel", equalTo("PREFERRED"))
        .body("series[0].points.month", equalTo(List.of("2025-01", "2025-02")))
        .body("series[0].points[0].share", equalTo(0.03f))
        .body("series[0].points[1].share", equalTo(0.04f));
    given()
        .get("/api/v1/programs/copc-certification")
        .then()
        .statusCode(200)
        .body("recognition.signals", equalTo(3))
        .body("recognition.regions", equalTo(List.of("GB", "US")));
    given()
        .get("/api/v1/programs?recognizedIn=GB")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem("copc-certification"));
    given()
        .get("/api/v1/programs?sort=recognition&limit=1")
        .then()
        .statusCode(200)
        .body("items[0].recognition.signals", equalTo(3));
  }

  @Test
  void shouldKeepValidItemsAndSayWhyOthersAreRejected() {
    List<Map<String, Object>> batch = new ArrayList<>();
    batch.add(observation("ccxp", "CA", "2024-03", "MENTIONED", 10, 100));
    batch.add(observation("no-such-program", "CA", "2024-03", "MENTIONED", 10, 100));
    batch.add(observation("ccxp", "Canada", "2024-03", "MENTIONED", 10, 100));
    batch.add(observation("ccxp", "CA", "2024-03", "MENTIONED", 200, 100));
    batch.add(observation("ccxp", "CA", "2024-03", "MENTIONED", 10, 100));
    Map<String, Object> badKind = observation("ccxp", "CA", "2024-04", "MENTIONED", 1, 2);
    badKind.put("kind", "RUMOUR");
    batch.add(badKind);
    JsonPath r = submit(batch);
    assertThat(r.getList("items.status", String.class))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
    assertThat(r.getString("items[1].reason")).contains("unknown program");
    assertThat(r.getString("items[2].reason")).contains("region");
    assertThat(r.getString("items[3].reason")).contains("must not exceed");
    assertThat(r.getString("items[4].reason")).contains("duplicates");
    assertThat(r.getString("items[5].reason")).contains("kind");
    assertThat(r.getInt("rejected")).isEqualTo(5);
  }

  @Test
  void shouldLetOnlyRecognitionWritersAndAdminsSubmit() {
    Map<String, Object> body =
        Map.of("observations", List.of(observation("ccxp", "DE", "2024-05", "PREFERRED", 1, 10)));
    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("recognition-writer or catalog-admin"));
    given()
        .auth()
        .oauth2(DevTokens.editorOf("cxpa"))
        .contentType("application/json")
        .body(body)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(403)
        .body("detail", containsString("recognition-writer or catalog-admin"))
        .body("detail", org.hamcrest.Matchers.not(containsString("provider-editor")));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldBoundTheBatchTo1000() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      batch.add(observation("ccxp", "US", "2020-01", "MENTIONED", 1, 2));
    }
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .contentType("application/json")
        .body(Map.of("observations", batch))
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(400)
        .body("detail", containsString("observations"));
  }
}
