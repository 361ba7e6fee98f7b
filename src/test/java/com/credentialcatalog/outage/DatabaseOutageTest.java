package com.credentialcatalog.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A bad day for the database (issue 9, item 2), on a PostgreSQL the test controls: clients are told
 * to retry (503 + Retry-After problem), never 500; readiness follows the database, not the pool;
 * and the application recovers by itself when the database is back.
 */
@QuarkusTest
@TestProfile(OutageProfile.class)
@EnabledIf(
    value = "postgres15Installed",
    disabledReason = "needs PostgreSQL 15 in /usr/lib/postgresql/15/bin")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

  private static final String PROGRAM = "/api/v1/programs/ccxp";

  @Inject AgroalDataSource pool;

  static boolean postgres15Installed() {
    return java.nio.file.Files.isExecutable(ControlledPostgres.BIN.resolve("pg_ctl"));
  }

  @Test
  @Order(1)
  void shouldStayReadyWhileThePoolIsExhaustedAndTellClientsToRetry() throws Exception {
    given().get(PROGRAM).then().statusCode(200);
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getConfiguration().connectionPoolConfiguration().maxSize(); i++) {
        held.add(pool.getConnection());
      }
      long started = System.nanoTime();
      given().get("/q/health/ready").then().statusCode(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

      Response busy = given().get(PROGRAM);
      assertRetryLater(busy);
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    given().get(PROGRAM).then().statusCode(200);
  }

  @Test
  @Order(2)
  void shouldAnswer503AndGoUnreadyWhileTheDatabaseIsStoppedThenRecoverByItself() throws Exception {
    given().get(PROGRAM).then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);

    ControlledPostgres.stopServer();
    long stoppedAt = System.nanoTime();
    try {
      assertThat(
              within(
                  Duration.ofSeconds(5), () -> given().get("/q/health/ready").statusCode() == 503))
          .as("readiness DOWN within 5 s of the database stopping")
          .isTrue();
      for (String path : List.of(PROGRAM, "/api/v1/programs?limit=5", "/api/v1/providers/cxpa")) {
        long started = System.nanoTime();
        Response down = given().get(path);
        assertRetryLater(down);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .as(path)
            .isLessThan(Duration.ofSeconds(3));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
          .isLessThan(Duration.ofSeconds(20));
    } finally {
      ControlledPostgres.startServer();
    }
    assertThat(within(Duration.ofSeconds(10), () -> given().get(PROGRAM).statusCode() == 200))
        .as("answers again within 10 s of the database being back")
        .isTrue();
    assertThat(
            within(Duration.ofSeconds(5), () -> given().get("/q/health/ready").statusCode() == 200))
        .as("ready again")
        .isTrue();
  }

  @Test
  @Order(3)
  void shouldAnswerRetryLaterWhenABackendIsKilledAndRecover() throws Exception {
    // Make sure the pool holds connections, then kill one: PostgreSQL restarts every backend.
    for (int i = 0; i < 5; i++) {
      given().get(PROGRAM).then().statusCode(200);
    }
    ControlledPostgres.killOneApplicationBackend();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int ok = 0;
    while (System.nanoTime() < deadline && ok < 5) {
      Response r = given().get(PROGRAM);
      if (r.statusCode() == 200) {
        ok++;
      } else {
        assertRetryLater(r);
        ok = 0;
        Thread.sleep(200);
      }
    }
    assertThat(ok).as("five answers in a row after the crash recovery").isEqualTo(5);
  }

  private static void assertRetryLater(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.jsonPath().getString("type")).isEqualTo("/problems/service-unavailable");
    assertThat(r.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(r.asString()).doesNotContain("Exception").doesNotContain("org.postgresql");
  }

  private static boolean within(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }
}
