package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;

import com.credentialcatalog.security.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * 200), {@code .subscriptions} (50), {@code .seconds} (10). Prints what it saw. With {@code
 * -Dwebhooks.load.receiver=http://127.0.0.1:PORT} the deliveries go to a receiver in another
 * process ({@code scripts/webhook-receiver.js}), so its CPU is not this JVM's.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "webhooks.load", matches = "true")
class WebhookLoadTest {

  @Inject DataSource ds;

  private Receiver receiver;

  @AfterEach
  void cleanUp() {
    WebhookFixtures.deleteAllWebhooks();
    if (receiver != null) {
      receiver.close();
    }
  }

  /** Deliveries seen: answered 2xx, and how many distinct webhook-ids they had. */
  private record Seen(int acked, int distinct) {}

  private interface Counter {
    Seen seen() throws Exception;

    /** What {@link #seen()} says once the wait is over; cheaper while it goes on. */
    default Seen last() throws Exception {
      return seen();
    }
  }

  private static Counter external(String base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI stats = URI.create(base + "/stats");
    client.send(
        HttpRequest.newBuilder(stats).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    ObjectMapper json = new ObjectMapper();
    return () -> {
      JsonNode n =
          json.readTree(
              client
                  .send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString())
                  .body());
      return new Seen(n.get("requests").asInt(), n.get("distinct").asInt());
    };
  }

  @Test
  void measureDeliveryLagUnderSustainedWrites() throws Exception {
    int rate = Integer.getInteger("webhooks.load.rate", 200);
    int subscriptions = Integer.getInteger("webhooks.load.subscriptions", 50);
    int seconds = Integer.getInteger("webhooks.load.seconds", 10);
    int perRequest = 10; // observations per ingest request, one change event each
    String externalReceiver = System.getProperty("webhooks.load.receiver");
    Counter counter;
    String url;
    if (externalReceiver != null) {
      counter = external(externalReceiver);
      url = externalReceiver + "/hook";
    } else {
      Receiver r = new Receiver();
      receiver = r;
      url = r.url();
      // Counting, not copying the requests, while waiting: copying 100,000 of them every 100 ms
      // took as much CPU as the dispatcher (JFR).
      counter =
          new Counter() {
            @Override
            public Seen seen() {
              return new Seen(r.ackedCount(), 0);
            }

            @Override
            public Seen last() {
              Set<String> distinct = new HashSet<>();
              r.acked().forEach(q -> distinct.add(q.id()));
              return new Seen(r.ackedCount(), distinct.size());
            }
          };
    }
    for (int i = 0; i < subscriptions; i++) {
      WebhookFixtures.subscribe(
          DevTokens.admin(), url, Map.of("entityTypes", List.of("recognition-signal")));
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
    Seen seen = counter.seen();
    long lastArrival = System.nanoTime();
    while (seen.acked() < expected && System.nanoTime() - lastChange < 30_000_000_000L) {
      Thread.sleep(100);
      seen = counter.seen();
      if (seen.acked() != lastCount) {
        lastCount = seen.acked();
        lastChange = System.nanoTime();
        lastArrival = lastChange;
      }
    }
    // Until the last delivery arrived, not until the wait for more gave up.
    double totalSeconds = (Math.max(lastArrival, start) - start) / 1e9;
    seen = counter.last();
    System.out.printf(
        "WEBHOOK LOAD: %d events in %.1f s (%.0f/s) into %d subscriptions; %d of %d deliveries"
            + " (%d distinct ids) after %.1f s: lag after the last write %.1f s, %.0f deliveries/s%n",
        events,
        writeSeconds,
        events / writeSeconds,
        subscriptions,
        seen.acked(),
        expected,
        seen.distinct(),
        totalSeconds,
        Math.max(0, totalSeconds - writeSeconds),
        seen.acked() / totalSeconds);
  }
}
