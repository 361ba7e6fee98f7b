package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /api/v1/webhooks and the GraphQL operations: who may do what, and bad input. */
@QuarkusTest
class WebhookApiTest {

  private static final String TARGET = "http://127.0.0.1:9/hook";

  @AfterEach
  void cleanUp() {
    WebhookFixtures.deleteAllWebhooks();
  }

  @Test
  void shouldShowTheSecretOnceAndNeverInReads() {
    JsonPath created = WebhookFixtures.subscribe(DevTokens.admin(), TARGET, Map.of());
    assertThat(created.getString("secret")).startsWith("whsec_");
    long id = created.getLong("webhook.id");
    String read = given().auth().oauth2(DevTokens.admin()).get("/api/v1/webhooks/" + id).asString();
    assertThat(read).doesNotContain(created.getString("secret")).doesNotContain("secret");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("status", equalTo("ACTIVE"))
        .body("cursorSeq", equalTo((int) WebhookFixtures.latestSeq()));
  }

  @Test
  void shouldRefuseBadInputNamingTheField() {
    assertBad(Map.of("description", "no target"), "targetUrl");
    assertBad(Map.of("targetUrl", "ftp://partner.example/hook"), "targetUrl");
    assertBad(Map.of("targetUrl", "https://user:pw@partner.example/hook"), "targetUrl");
    assertBad(Map.of("targetUrl", "https://no-such-host.invalid/hook"), "targetUrl");
    assertBad(Map.of("targetUrl", TARGET, "entityTypes", List.of("nope")), "entityTypes");
    assertBad(
        Map.of("targetUrl", TARGET, "programSlugs", List.of("no-such-program")), "programSlugs");
    assertBad(
        Map.of("targetUrl", TARGET, "providerSlugs", List.of("no-such-provider")), "providerSlugs");
    assertBad(Map.of("targetUrl", TARGET, "operations", List.of("EXPLODE")), "operations");
    assertBad(Map.of("targetUrl", TARGET, "colour", "blue"), "colour");

    long id = WebhookFixtures.subscribe(DevTokens.admin(), TARGET, Map.of()).getLong("webhook.id");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/replay?fromSequence=0")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("fromSequence"));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/replay")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("fromSequence"));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks/" + id + "/deliveries?limit=0")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
  }

  @Test
  void shouldPageTheListByIdAndPointAtTheNextPage() {
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(WebhookFixtures.subscribe(DevTokens.admin(), TARGET, Map.of()).getLong("webhook.id"));
    }
    // Without paging parameters the whole list comes, as before paging existed.
    assertThat(
            given()
                .auth()
                .oauth2(DevTokens.admin())
                .get("/api/v1/webhooks")
                .jsonPath()
                .getList("id", Long.class))
        .containsExactlyElementsOf(ids);

    var first = given().auth().oauth2(DevTokens.admin()).get("/api/v1/webhooks?limit=2");
    first.then().statusCode(200).header("Cache-Control", "private, no-store");
    assertThat(first.jsonPath().getList("id", Long.class)).containsExactly(ids.get(0), ids.get(1));
    String link = first.header("Link");
    assertThat(link).contains("after=" + ids.get(1)).contains("limit=2").endsWith("rel=\"next\"");
    String next = link.substring(link.indexOf("/api/v1/webhooks"), link.indexOf('>'));
    var second = given().auth().oauth2(DevTokens.admin()).get(next);
    assertThat(second.jsonPath().getList("id", Long.class)).containsExactly(ids.get(2));
    assertThat(second.header("Link")).isNull();

    for (String bad : List.of("limit=0", "limit=1001", "limit=many")) {
      given()
          .auth()
          .oauth2(DevTokens.admin())
          .get("/api/v1/webhooks?" + bad)
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("limit"));
    }
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks?after=first")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("after"));

    JsonPath graphql =
        given()
            .auth()
            .oauth2(DevTokens.admin())
            .contentType("application/json")
            .body(Map.of("query", "{ webhooks(after: \"" + ids.get(0) + "\", limit: 1) { id } }"))
            .post("/graphql")
            .jsonPath();
    assertThat(graphql.getList("data.webhooks.id", String.class))
        .containsExactly(String.valueOf(ids.get(1)));
  }

  @Test
  void shouldScopeSubscriptionsByRoleAndOwner() {
    given()
        .contentType("application/json")
        .body(Map.of("targetUrl", TARGET))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.token("reader", List.of()))
        .get("/api/v1/webhooks")
        .then()
        .statusCode(403);

    JsonPath recognition =
        WebhookFixtures.subscribe(DevTokens.recognitionWriter(), TARGET, Map.of());
    assertThat(recognition.getList("webhook.entityTypes")).containsExactly("recognition-signal");
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .contentType("application/json")
        .body(Map.of("targetUrl", TARGET, "entityTypes", List.of("program")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403)
        .body("detail", containsString("recognition-signal"));

    String provider = WebhookFixtures.newProvider();
    long editors =
        WebhookFixtures.subscribe(DevTokens.editorOf(provider), TARGET, Map.of())
            .getLong("webhook.id");
    // Another subject sees neither the subscription nor that it exists; the admin sees it.
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .get("/api/v1/webhooks/" + editors)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .get("/api/v1/webhooks")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.not(hasItem((int) editors)));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks")
        .then()
        .header("Cache-Control", "private, no-store")
        .body("id", hasItem((int) editors));
    // A program of another provider is refused to the editor.
    given()
        .auth()
        .oauth2(DevTokens.editorOf(provider))
        .contentType("application/json")
        .body(Map.of("targetUrl", TARGET, "programSlugs", List.of("ccxp")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldChangeWithIfMatchAndRefuseAStaleOne() {
    long id = WebhookFixtures.subscribe(DevTokens.admin(), TARGET, Map.of()).getLong("webhook.id");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/merge-patch+json")
        .body(Map.of("operations", List.of("DELETE")))
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .header("If-Match", "\"0\"")
        .contentType("application/merge-patch+json")
        .body(Map.of("operations", List.of("DELETE")))
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("operations", equalTo(List.of("DELETE")));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .header("If-Match", "\"0\"")
        .contentType("application/merge-patch+json")
        .body(Map.of("description", "lost update"))
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/pause")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAUSED"));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .post("/api/v1/webhooks/" + id + "/rotate-secret")
        .then()
        .statusCode(200)
        .body("secret", startsWith("whsec_"));
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .header("If-Match", "\"1\"")
        .delete("/api/v1/webhooks/" + id)
        .then()
        .statusCode(412);
  }

  @Test
  void shouldManageSubscriptionsThroughGraphql() {
    JsonPath created =
        graphql(
            """
            mutation($url: String!) {
              createWebhook(input: {targetUrl: $url, entityTypes: ["price"]}) {
                secret webhook { id status entityTypes version }
              }
            }""",
            Map.of("url", TARGET));
    assertThat(created.getString("data.createWebhook.secret")).startsWith("whsec_");
    String id = created.getString("data.createWebhook.webhook.id");

    JsonPath updated =
        graphql(
            """
            mutation($id: ID!) {
              updateWebhook(id: $id, expectedVersion: 0, changes: {operations: [UPDATE]}) {
                operations entityTypes version
              }
              pauseWebhook(id: $id) { status }
            }""",
            Map.of("id", id));
    assertThat(updated.getList("data.updateWebhook.operations"))
        .as(updated.prettify())
        .containsExactly("UPDATE");
    assertThat(updated.getList("data.updateWebhook.entityTypes")).containsExactly("price");
    assertThat(updated.getString("data.pauseWebhook.status")).isEqualTo("PAUSED");

    JsonPath listed =
        graphql(
            "{ webhooks { id status } webhookDeliveries(id: \""
                + id
                + "\") { deliveries { id } } }",
            Map.of());
    assertThat(listed.getList("data.webhooks.id")).contains(id);
    assertThat(listed.getList("data.webhookDeliveries.deliveries")).isEmpty();

    JsonPath bad =
        graphql(
            "mutation { createWebhook(input: {targetUrl: \"ftp://x.example\"}) { secret } }",
            Map.of());
    assertThat(bad.getString("errors[0].extensions.field")).isEqualTo("targetUrl");
  }

  private static JsonPath graphql(String query, Map<String, Object> variables) {
    return given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/json")
        .body(Map.of("query", query, "variables", variables))
        .post("/graphql")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void assertBad(Map<String, Object> body, String field) {
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(startsWith(field)));
  }
}
