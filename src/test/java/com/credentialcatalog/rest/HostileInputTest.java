package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to become 500s or empty bodies (issue 9, item 4): each now gets a 4xx
 * application/problem+json that names what to fix.
 */
@QuarkusTest
class HostileInputTest {

  @Test
  void shouldRefuseANulInAPathValueNamingTheParameter() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/programs/ccxp%00/prices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("slug"))
        .body("detail", containsString("NUL"));
  }

  @Test
  void shouldRefuseANulInAQueryValueNamingTheParameter() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/programs?q=cx%00strategy")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("q"));
  }

  @Test
  void shouldRefuseANulInABodyStringNamingItsJsonPath() {
    given()
        .contentType("application/json")
        .body("{\"names\": [\"CCXP\", \"HDI\\u0000SCA\"]}")
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("names[1]"))
        .body("detail", containsString("NUL"));
  }

  @Test
  void shouldAnswerAPercentSignAndMatrixParameterWithAProblemNotATextPlain500() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/programs/%25/prices/1;2")
        .then()
        .statusCode(
            org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .and(org.hamcrest.Matchers.lessThan(500)))
        .contentType("application/problem+json")
        .body("instance", startsWith("/api/v1/programs/%25"));
  }

  @Test
  void shouldRefuseAnAgeWrittenAsTextOrWithAFraction() {
    for (String body : List.of("{\"age\": \"24\"}", "{\"age\": 24.5}")) {
      given()
          .contentType("application/json")
          .body(body)
          .post("/api/v1/eligibility")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("age"))
          .body("detail", containsString("whole number"));
    }
    given()
        .contentType("application/json")
        .body("{\"age\": 24}")
        .post("/api/v1/eligibility")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldRejectOnlyTheMalformedObservationOfABatch() {
    String good =
        """
        {"program": "ccxp", "kind": "JOB_POSTING_MENTIONS", "sourceName": "hostile-input-test",
         "region": "US", "periodStart": "2023-01-01", "periodEnd": "2023-01-31",
         "requirementLevel": "PREFERRED", "postingsMatched": 3, "postingsScanned": 100}""";
    String impossibleDate = good.replace("2023-01-01", "2023-02-30");
    String textCount =
        good.replace("2023-01", "2023-03")
            .replace("\"postingsMatched\": 3", "\"postingsMatched\": \"3\"");
    JsonPath report =
        given()
            .auth()
            .oauth2(DevTokens.recognitionWriter())
            .contentType("application/json")
            .body("{\"observations\": [" + good + "," + impossibleDate + "," + textCount + "]}")
            .post("/api/v1/recognition/observations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(report.getList("items.status", String.class)).first().isIn("CREATED", "UNCHANGED");
    assertThat(report.getString("items[1].status")).isEqualTo("REJECTED");
    assertThat(report.getString("items[1].reason")).contains("periodStart").contains("date");
    assertThat(report.getString("items[2].status")).isEqualTo("REJECTED");
    assertThat(report.getString("items[2].reason")).contains("postingsMatched");
    assertThat(report.getInt("rejected")).isEqualTo(2);
  }

  @Test
  void shouldRefuseACursorWithOneCharacterChanged() {
    String cursor =
        given().get("/api/v1/programs?limit=2&sort=name").jsonPath().getString("nextCursor");
    char[] chars = cursor.toCharArray();
    int i = chars.length / 2;
    chars[i] = chars[i] == 'A' ? 'B' : 'A';
    given()
        .queryParam("cursor", new String(chars))
        .get("/api/v1/programs?limit=2&sort=name")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
    given()
        .queryParam("cursor", cursor)
        .get("/api/v1/programs?limit=2&sort=name")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldAnswerAnOversizedBodyWith413Problem() {
    String huge = "{\"names\": [\"" + "x".repeat(1_100_000) + "\"]}";
    given()
        .contentType("application/json")
        .body(huge)
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/payload-too-large"));
  }

  @Test
  void shouldAnswerAnOverlongUriWith414Problem() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/programs?q=" + "a".repeat(10_000))
        .then()
        .statusCode(414)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/uri-too-long"));
  }

  @Test
  void shouldAnswerOversizedHeadersWith431Problem() {
    given()
        .header("X-Padding", "p".repeat(30_000))
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(431)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswerANulInIfMatchWithAProblem() throws Exception {
    // HTTP clients refuse to send a NUL in a header, so this one is written by hand.
    String request =
        "PATCH /api/v1/programs/ccxp HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + DevTokens.admin()
            + "\r\n"
            + "If-Match: \"0\u0000\"\r\nContent-Type: application/merge-patch+json\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
    String response = raw(request);
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(response).contains("/problems/malformed-request").contains("NUL");
  }

  @Test
  void shouldAnswerAnUnencodedPercentInTheUriWithAProblem() throws Exception {
    String response =
        raw("GET /api/v1/programs?q=100% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
  }

  @Test
  void shouldAnswerAUriBeyondTheDecoderLimitWith414Problem() throws Exception {
    String response =
        raw(
            "GET /api/v1/programs?q="
                + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.").contains(" 414 ");
    assertThat(response).contains("/problems/uri-too-long");
  }

  private static String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          bytes.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        // keep what arrived
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
