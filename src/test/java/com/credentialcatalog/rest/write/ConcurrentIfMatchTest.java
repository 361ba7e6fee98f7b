package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 32 writers holding the same ETag race for one program (issue 9, item 5): exactly one wins, every
 * other one is told 412 with a problem, and the program holds the winner's write.
 */
@QuarkusTest
class ConcurrentIfMatchTest {

  private static final int WRITERS = 32;

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldLetExactlyOneOf32RacingWritersWin() throws Exception {
    String slug = createProgram(unique("race"), createProvider(unique("race")));
    String etag = programEtag(slug);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<Response>> calls = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        String body = "{\"description\": \"written by writer " + i + "\"}";
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return asAdmin()
                      .header("If-Match", etag)
                      .contentType("application/merge-patch+json")
                      .body(body)
                      .patch("/api/v1/programs/{slug}", slug);
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> call : calls) {
        responses.add(call.get(60, TimeUnit.SECONDS));
      }
      Map<Integer, Long> byStatus =
          responses.stream()
              .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
      assertThat(byStatus)
          .containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, (long) WRITERS - 1));
      responses.stream()
          .filter(r -> r.statusCode() == 412)
          .forEach(
              r -> {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("type"))
                    .isEqualTo("/problems/precondition-failed");
              });
      Response winner =
          responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
      given()
          .get("/api/v1/programs/{slug}", slug)
          .then()
          .statusCode(200)
          .body("description", equalTo(winner.jsonPath().getString("description")))
          .body("version", equalTo(1));
    } finally {
      pool.shutdownNow();
    }
  }
}
