package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /api/v1/changes: a reader sees every event exactly once while writers run. */
@QuarkusTest
class ChangeFeedTest {

  @Test
  void shouldShowEveryEventExactlyOnceToAReaderWhileWritersRun() throws Exception {
    long start = given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
    int writers = 4;
    int batchesPerWriter = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> written = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      written.add(
          pool.submit(
              () -> {
                int events = 0;
                for (int b = 0; b < batchesPerWriter; b++) {
                  List<Map<String, Object>> batch = new ArrayList<>();
                  for (int i = 0; i < 3; i++) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("program", "ccxp");
                    o.put("kind", "EMPLOYER_RECOGNITION");
                    o.put("sourceName", "feed-writer-" + writer + "-" + b + "-" + i);
                    o.put("region", "GLOBAL");
                    o.put("periodStart", "2024-01-01");
                    o.put("periodEnd", "2024-12-31");
                    o.put("requirementLevel", "MENTIONED");
                    batch.add(o);
                  }
                  events +=
                      given()
                          .auth()
                          .oauth2(DevTokens.recognitionWriter())
                          .contentType("application/json")
                          .body(Map.of("observations", batch))
                          .post("/api/v1/recognition/observations")
                          .then()
                          .statusCode(200)
                          .extract()
                          .jsonPath()
                          .getInt("created");
                }
                return events;
              }));
    }
    List<Long> seen = new ArrayList<>();
    long after = start;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    boolean writersDone = false;
    while (System.nanoTime() < deadline) {
      JsonPath page =
          given()
              .get("/api/v1/changes?limit=7&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Long> seqs = page.getList("events.seq", Long.class);
      seen.addAll(seqs);
      after = page.getLong("lastSeq");
      if (writersDone && seqs.isEmpty()) {
        break;
      }
      writersDone = written.stream().allMatch(Future::isDone);
    }
    pool.shutdown();
    int expected = 0;
    for (Future<Integer> f : written) {
      expected += f.get();
    }
    assertThat(expected).isEqualTo(writers * batchesPerWriter * 3);
    Set<Long> distinct = new HashSet<>(seen);
    assertThat(distinct).as("no event twice").hasSameSizeAs(seen);
    assertThat(seen).as("every event once, in order").hasSize(expected).isSorted();
    assertThat(seen.get(seen.size() - 1) - seen.get(0) + 1).as("no gap").isEqualTo(expected);
  }

  @Test
  void shouldRefuseACursorBeyondTheEndNamingTheLatestSequence() {
    long latest = given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
    given()
        .get("/api/v1/changes?after=" + (latest + 21))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("after"))
        .body("detail", containsString("latest sequence is " + latest));
    // At the end exactly: nothing new, and the cursor stays where it is.
    given()
        .get("/api/v1/changes?after=" + latest)
        .then()
        .statusCode(200)
        .body("events", hasSize(0))
        .body("lastSeq", equalTo((int) latest));
    String graphql = "{\"query\": \"{ changes(after: " + (latest + 21) + ") { lastSeq } }\"}";
    given()
        .contentType("application/json")
        .body(graphql)
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].message", containsString("latest sequence is " + latest));
  }

  @Test
  void shouldNeverSkipAnEventForAFollowerThatStoresLastSeq() throws Exception {
    // The follower drains the feed and stores where it got to, as a real one would between runs.
    long stored = given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
    assertThat(given().get("/api/v1/changes?after=" + stored).jsonPath().getLong("lastSeq"))
        .isEqualTo(stored);

    // Writers on three connections at once: their sequences are allocated concurrently.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> written = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      written.add(
          pool.submit(
              () -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("program", "ccxp");
                o.put("kind", "EMPLOYER_RECOGNITION");
                o.put("sourceName", "follower-writer-" + writer + "-" + System.nanoTime());
                o.put("region", "GLOBAL");
                o.put("periodStart", "2024-01-01");
                o.put("periodEnd", "2024-12-31");
                o.put("requirementLevel", "MENTIONED");
                return given()
                    .auth()
                    .oauth2(DevTokens.recognitionWriter())
                    .contentType("application/json")
                    .body(Map.of("observations", List.of(o)))
                    .post("/api/v1/recognition/observations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("created");
              }));
    }
    int created = 0;
    for (Future<Integer> f : written) {
      created += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // Resuming from the stored cursor, a page at a time, returns every event written since.
    List<Long> seen = new ArrayList<>();
    long after = stored;
    while (true) {
      JsonPath page =
          given()
              .get("/api/v1/changes?limit=1&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Long> seqs = page.getList("events.seq", Long.class);
      if (seqs.isEmpty()) {
        break;
      }
      seen.addAll(seqs);
      after = page.getLong("lastSeq");
    }
    long latest = given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
    assertThat(created).isEqualTo(3);
    assertThat(seen)
        .as("every event written after the stored cursor")
        .hasSize(created)
        .isSorted()
        .allMatch(seq -> seq > stored)
        .endsWith(latest);
  }

  @Test
  void shouldRefuseBadFeedParameters() {
    given().get("/api/v1/changes?after=-1").then().statusCode(400);
    given().get("/api/v1/changes?limit=5000").then().statusCode(400);
    given().get("/api/v1/changes?after=abc").then().statusCode(400);
  }
}
