package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the production rule (no private targets), internal addresses are refused as targets. */
@QuarkusTest
@TestProfile(WebhookSsrfTest.ProductionTargets.class)
class WebhookSsrfTest {

  public static class ProductionTargets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "catalog.webhooks.allow-private-targets", "false",
          "catalog.webhooks.dispatcher-enabled", "false");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://localhost:8443/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://172.16.5.4/hook",
        "https://[fd00::1]/hook",
        "https://0.0.0.0/hook",
        "https://224.0.0.1/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "http://93.184.215.14/hook"
      })
  void shouldRefuseTargetsThatAreNotPublicHttps(String url) {
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/json")
        .body(Map.of("targetUrl", url))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("targetUrl"))
        .body("detail", containsString("targetUrl"));
  }
}
