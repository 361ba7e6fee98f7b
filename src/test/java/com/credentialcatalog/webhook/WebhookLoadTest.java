package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: whether deliveries keep up with a write rate into many subscriptions.
 * Runs only with {@code -Dwebhooks.load=true}; {@code -Dwebhooks.load.rate} (events/s, default
 * 200), {@code .subscriptions} (50), {@code .seconds} (10). Prints what it saw.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "webhooks.load", matches = "true")
class WebhookLoadTest {

  @Inject DataSource ds;

  private Receiver receiver;

  @AfterEach
  void cleanUp() {
    WebhookFixtures.deleteAllWebhooks();
    receiver.close();
  }

  @Test
  void measureDeliveryLagUnderSustainedWrites() throws Exception {
    int rate = Integer.getInteger("webhooks.load.rate", 200);
    int subscriptions = Integer.getInteger("webhooks.load.subscriptions", 50);
    int seconds = Integer.getInteger("webhooks.load.seconds", 10);
    int perRequest = 10; // observations per ingest request, one change event each
    receiver = new Receiver();
    for (int i = 0; i < subscriptions; i++) {
      WebhookFixtures.subscribe(
          DevTokens.admin(), receiver.url(), Map.of("entityTypes", List.of("recognition-signal")));
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime();
    int events = 0;
    long requestsPerSecond = rate / perRequest;
    for (long r = 0; r < requestsPerSecond * seconds; r++) {
      long due = start + r * 1_000_000_000L / requestsPerSecond;
      while (System.nanoTime() < due) {
        Thread.sleep(1);
      }
      if (Boolean.getBoolean("webhooks.load.direct")) {
        try (Connection c = ds.getConnection();
            PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO change_event (entity_type, slug, operation, actor)"
                        + " SELECT 'recognition-signal', 'ccxp', 'UPDATE', 'load'"
                        + " FROM generate_series(1, ?)")) {
          ps.setInt(1, perRequest);
          events += ps.executeUpdate();
        }
        continue;
      }
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < perRequest; i++) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("program", "ccxp");
        o.put("kind", "EMPLOYER_RECOGNITION");
        o.put("sourceName", "load-" + run + "-" + r + "-" + i);
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
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    int expected = events * subscriptions;
    int lastCount = -1;
    long lastChange = System.nanoTime();
    while (receiver.acked().size() < expected && System.nanoTime() - lastChange < 30_000_000_000L) {
      Thread.sleep(100);
      int now = receiver.acked().size();
      if (now != lastCount) {
        lastCount = now;
        lastChange = System.nanoTime();
      }
    }
    double totalSeconds = (System.nanoTime() - start) / 1e9;
    List<Receiver.Request> got = receiver.all();
    Set<String> distinct = new HashSet<>();
    got.forEach(q -> distinct.add(q.id()));
    System.out.printf(
        "WEBHOOK LOAD: %d events in %.1f s (%.0f/s) into %d subscriptions; %d of %d deliveries"
            + " (%d distinct ids) after %.1f s: lag after the last write %.1f s, %.0f deliveries/s%n",
        events,
        writeSeconds,
        events / writeSeconds,
        subscriptions,
        got.size(),
        expected,
        distinct.size(),
        totalSeconds,
        totalSeconds - writeSeconds,
        got.size() / totalSeconds);
  }
}
