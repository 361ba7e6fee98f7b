package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.credentialcatalog.security.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries as a partner's receiver sees them: a real HTTP server on loopback, real writes through
 * the API, and the dispatcher(s) over the test database.
 */
@QuarkusTest
class WebhookDeliveryTest {

  @Inject DispatcherLifecycle lifecycle;
  @Inject DataSource ds;
  @Inject ObjectMapper json;
  @Inject WebhookConfig config;

  private final List<Receiver> receivers = new ArrayList<>();
  private final List<WebhookDispatcher> extraDispatchers = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    extraDispatchers.forEach(WebhookDispatcher::stop);
    lifecycle.dispatcher().start();
    WebhookFixtures.deleteAllWebhooks();
    receivers.forEach(Receiver::close);
  }

  @Test
  void shouldDeliverEveryAcknowledgedWriteOnceInOrderSigned() throws Exception {
    Receiver receiver = receiver();
    String provider = WebhookFixtures.newProvider();
    JsonPath created =
        WebhookFixtures.subscribe(
            DevTokens.admin(), receiver.url(), Map.of("providerSlugs", List.of(provider)));
    long id = created.getLong("webhook.id");
    String secret = created.getString("secret");
    long before = WebhookFixtures.latestSeq();

    WebhookFixtures.updateProvider(provider, 6);
    List<JsonNode> expected = WebhookFixtures.feedAfter(before, provider);
    assertThat(expected).hasSize(6);

    awaitUntil(() -> receiver.acked().size() >= expected.size());
    Thread.sleep(300); // a duplicate would arrive within a poll or two
    List<Receiver.Request> got = receiver.all();
    assertThat(got).hasSize(expected.size());
    for (int i = 0; i < got.size(); i++) {
      Receiver.Request r = got.get(i);
      JsonNode event = expected.get(i);
      assertThat(json.readTree(r.body())).isEqualTo(event);
      assertThat(r.id()).isEqualTo("msg_" + id + "_" + event.get("seq").asLong());
      assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())))
          .isLessThan(300);
      assertThat(r.signature()).isEqualTo(expectedSignature(secret, r));
    }

    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks/" + id + "/deliveries?limit=100")
        .then()
        .statusCode(200)
        .body("deliveries.size()", equalTo(6))
        .body("deliveries[0].status", equalTo("SUCCEEDED"))
        .body("deliveries[0].attempts", equalTo(1))
        .body("deliveries[0].lastResponseCode", equalTo(204));
  }

  @Test
  void shouldDeliverEveryEventInOrderToAReceiverThatFailsFiveTimesThenRecovers() throws Exception {
    Receiver receiver = receiver();
    receiver.failNext(5);
    String provider = WebhookFixtures.newProvider();
    long id =
        WebhookFixtures.subscribe(
                DevTokens.admin(), receiver.url(), Map.of("providerSlugs", List.of(provider)))
            .getLong("webhook.id");
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(provider, 4);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, provider));

    awaitUntil(() -> receiver.acked().size() >= expected.size());
    assertThat(ackedSeqs(receiver)).containsExactlyElementsOf(expected);
    assertThat(receiver.all()).hasSize(expected.size() + 5);
    // Every failed attempt was of the first event: nothing later went out before it succeeded.
    assertThat(receiver.all().subList(0, 6)).allMatch(r -> r.id().endsWith("_" + expected.get(0)));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks/" + id + "/deliveries?limit=100")
        .then()
        .statusCode(200)
        .body("deliveries[-1].attempts", equalTo(6))
        .body("deliveries[-1].status", equalTo("SUCCEEDED"));
  }

  @Test
  void shouldLoseNothingWhenTheDispatcherRestartsBetweenAttempts() throws Exception {
    lifecycle.dispatcher().stop();
    Receiver receiver = receiver();
    receiver.failAlways();
    String provider = WebhookFixtures.newProvider();
    long id =
        WebhookFixtures.subscribe(
                DevTokens.admin(), receiver.url(), Map.of("providerSlugs", List.of(provider)))
            .getLong("webhook.id");
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(provider, 3);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, provider));

    WebhookDispatcher first = dispatcher("first");
    first.start();
    awaitUntil(() -> receiver.all().size() >= 2);
    first.stop();
    int seenWhileDown = receiver.all().size();
    assertThat(receiver.acked()).isEmpty();

    receiver.recover();
    dispatcher("second").start();
    awaitUntil(() -> receiver.acked().size() >= expected.size());
    assertThat(ackedSeqs(receiver)).containsExactlyElementsOf(expected);
    assertThat(receiver.all()).hasSize(seenWhileDown + expected.size());
    assertThat(WebhookFixtures.webhook(id).getLong("cursorSeq"))
        .isGreaterThanOrEqualTo(expected.get(expected.size() - 1));
  }

  @Test
  void shouldDeliverEachEventOnceWithTwoDispatchersOnOneDatabase() throws Exception {
    dispatcher("replica-b").start(); // beside the application's own dispatcher
    String provider = WebhookFixtures.newProvider();
    List<Receiver> hooks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Receiver r = receiver();
      hooks.add(r);
      WebhookFixtures.subscribe(
          DevTokens.admin(), r.url(), Map.of("providerSlugs", List.of(provider)));
    }
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(provider, 15);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, provider));

    awaitUntil(() -> hooks.stream().allMatch(r -> r.acked().size() >= expected.size()));
    Thread.sleep(500);
    for (Receiver r : hooks) {
      assertThat(ackedSeqs(r)).containsExactlyElementsOf(expected);
      assertThat(r.all()).hasSize(expected.size());
    }
  }

  @Test
  void shouldNeverShowAProviderEditorAnotherProvidersChanges() throws Exception {
    Receiver receiver = receiver();
    String mine = WebhookFixtures.newProvider();
    String theirs = WebhookFixtures.newProvider();
    String editor = DevTokens.editorOf(mine);
    JsonPath created = WebhookFixtures.subscribe(editor, receiver.url(), Map.of());
    assertThat(created.getList("webhook.providerSlugs")).containsExactly(mine);
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(theirs, 3);
    WebhookFixtures.updateProvider(mine, 2);
    WebhookFixtures.updateProvider(theirs, 2);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, mine));

    awaitUntil(() -> receiver.acked().size() >= expected.size());
    Thread.sleep(300);
    assertThat(ackedSeqs(receiver)).containsExactlyElementsOf(expected);
    assertThat(receiver.all()).allMatch(r -> r.body().contains("\"slug\":\"" + mine + "\""));

    // Naming another provider in the filter is refused at create.
    given()
        .auth()
        .oauth2(editor)
        .contentType("application/json")
        .body(Map.of("targetUrl", receiver.url(), "providerSlugs", List.of(theirs)))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403)
        .body("detail", containsString(theirs));
  }

  @Test
  void shouldDisableASubscriptionWhoseReceiverFailsForTheWholeRetryPeriodAndResumeIt()
      throws Exception {
    lifecycle.dispatcher().stop();
    Receiver receiver = receiver();
    receiver.failAlways();
    String provider = WebhookFixtures.newProvider();
    long id =
        WebhookFixtures.subscribe(
                DevTokens.admin(), receiver.url(), Map.of("providerSlugs", List.of(provider)))
            .getLong("webhook.id");
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(provider, 2);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, provider));
    WebhookDispatcher impatient =
        new WebhookDispatcher(
            ds,
            json,
            WebhookDispatcher.Settings.of(config).givingUpAfter(Duration.ofMillis(400)),
            "impatient");
    extraDispatchers.add(impatient);
    impatient.start();

    awaitUntil(() -> "DISABLED".equals(WebhookFixtures.webhook(id).getString("status")));
    JsonPath disabled = WebhookFixtures.webhook(id);
    assertThat(disabled.getString("disabledReason"))
        .contains("Event " + expected.get(0))
        .contains("HTTP 503");
    int attempts = receiver.all().size();
    Thread.sleep(300);
    assertThat(receiver.all()).hasSize(attempts); // disabled: nothing more is sent

    receiver.recover();
    impatient.stop();
    lifecycle.dispatcher().start();
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    awaitUntil(() -> receiver.acked().size() >= expected.size());
    assertThat(ackedSeqs(receiver)).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldRedeliverAndReplayWithTheSameWebhookIds() throws Exception {
    Receiver receiver = receiver();
    String provider = WebhookFixtures.newProvider();
    long id =
        WebhookFixtures.subscribe(
                DevTokens.admin(), receiver.url(), Map.of("providerSlugs", List.of(provider)))
            .getLong("webhook.id");
    long before = WebhookFixtures.latestSeq();
    WebhookFixtures.updateProvider(provider, 3);
    List<Long> expected = seqs(WebhookFixtures.feedAfter(before, provider));
    awaitUntil(() -> receiver.acked().size() >= 3);
    List<String> firstIds = receiver.acked().stream().map(Receiver.Request::id).toList();

    long oldest =
        given()
            .auth()
            .oauth2(DevTokens.admin())
            .get("/api/v1/webhooks/" + id + "/deliveries")
            .jsonPath()
            .getLong("deliveries[-1].id");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/deliveries/" + oldest + "/redeliver")
        .then()
        .statusCode(202)
        .body("kind", equalTo("REDELIVERY"))
        .body("status", equalTo("PENDING"));
    awaitUntil(() -> receiver.acked().size() >= 4);
    assertThat(receiver.acked().get(3).id()).isEqualTo(firstIds.get(0));

    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/replay?fromSequence=" + expected.get(1))
        .then()
        .statusCode(202)
        .body("cursorSeq", equalTo((int) (expected.get(1) - 1)));
    awaitUntil(() -> receiver.acked().size() >= 6);
    assertThat(receiver.acked().subList(4, 6).stream().map(Receiver.Request::id))
        .containsExactlyElementsOf(firstIds.subList(1, 3));
  }

  private static String expectedSignature(String secret, Receiver.Request r) throws Exception {
    // What the README tells a partner to do.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] sig =
        mac.doFinal(
            (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(sig);
  }

  private Receiver receiver() throws Exception {
    Receiver r = new Receiver();
    receivers.add(r);
    return r;
  }

  private WebhookDispatcher dispatcher(String name) {
    WebhookDispatcher d =
        new WebhookDispatcher(
            ds, json, WebhookDispatcher.Settings.of(config), name + "-" + UUID.randomUUID());
    extraDispatchers.add(d);
    return d;
  }

  private List<Long> ackedSeqs(Receiver r) throws Exception {
    List<Long> out = new ArrayList<>();
    for (Receiver.Request q : r.acked()) {
      out.add(json.readTree(q.body()).get("seq").asLong());
    }
    return out;
  }

  private static List<Long> seqs(List<JsonNode> events) {
    return events.stream().map(e -> e.get("seq").asLong()).toList();
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within 30 s");
      }
      Thread.sleep(25);
    }
  }
}
