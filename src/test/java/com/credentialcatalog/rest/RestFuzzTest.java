package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for every REST operation, driven by the committed OpenAPI document (issue 9, item
 * 5): each parameter gets wrong types, boundaries, NUL, odd Unicode and very long values; each body
 * gets wrong types per field, malformed JSON, an oversized document and wrong content types. Seeded
 * and bounded, so a failure is reproducible: the run fails on any 5xx, any error without an
 * application/problem+json body, any Java class or package name or stack trace in a body, and any
 * answer slower than a second.
 *
 * <p>Writes carry an admin token, so they get past authentication and exercise validation; they
 * only ever target data this test creates (slugs {@code fuzz-<run>-…}), which it deletes again.
 */
@QuarkusTest
class RestFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20260901L);
  private static final int MAX_REQUESTS = Integer.getInteger("fuzz.requests", 3000);
  private static final Duration BUDGET = Duration.ofMinutes(3);
  private static final Duration SLOW = Duration.ofSeconds(1);
  private static final String RUN = "fuzz-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  /** What must never reach a client: class or package names of the stack, and stack frames. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|sun|org\\.(?:hibernate|postgresql|jboss|eclipse|apache)|io\\.(?:quarkus|vertx|smallrye|netty|agroal)"
              + "|com\\.(?:fasterxml|credentialcatalog))\\.[a-z][A-Za-z0-9_]*\\.|\\tat [a-z]|\\w+Exception\\b|\\w+Error:");

  private static final String LONG = "x".repeat(5000);

  /** Values for any parameter: wrong types, boundaries, injection-shaped and undecodable text. */
  private static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "-1",
          "0",
          "1",
          "2147483647",
          "2147483648",
          "-2147483649",
          "99999999999999999999999",
          "1.5",
          "1e309",
          "NaN",
          "Infinity",
          "true",
          "null",
          "[]",
          "{}",
          "%00",
          "a%00b",
          "%C3%A9t%C3%A9",
          "%F0%9F%98%80",
          "%ED%A0%80",
          "%FF%FE",
          "%zz",
          "%",
          "%25",
          "%2F..%2F..%2Fetc%2Fpasswd",
          "'%20OR%201%3D1--",
          "%3Cscript%3E",
          ",,,",
          "-",
          "--name",
          "ccxp,ccxp,ccxp",
          "CCXP",
          "ccxp;x=1",
          "%E2%80%AE",
          "%EF%BB%BF",
          "%0D%0AX-Injected:%201",
          "%09",
          "2024-02-30",
          "2024-13-01",
          "9999-12-31",
          "0000-01-01",
          URLEncoder.encode(LONG, StandardCharsets.UTF_8));

  /** JSON values to put in any body field. */
  private static final List<String> HOSTILE_JSON =
      List.of(
          "null",
          "\"\"",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"\\ud800\"",
          "\"\\ud83d\\ude00\"",
          "\"" + LONG + "\"",
          "0",
          "-1",
          "2147483648",
          "1e400",
          "-1e400",
          "1.5",
          "true",
          "[]",
          "[null]",
          "[\"\\u0000\"]",
          "{}",
          "{\"a\": 1}",
          "\"2024-02-30\"",
          "\"NOT_AN_ENUM\"",
          "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
          "\"<script>alert(1)</script>\"",
          "\"' OR 1=1 --\"",
          "12345678901234567890123456789.123456789");

  /** Whole bodies that are not what any operation reads. */
  private static final List<String> MALFORMED_BODIES =
      List.of(
          "",
          "{",
          "}",
          "[]",
          "null",
          "\"text\"",
          "42",
          "{\"a\":",
          "{\"a\" 1}",
          "{'a': 1}",
          "{\"a\": 1,}",
          "{\"a\": NaN}",
          "\u0000",
          "{\"\u0000\": 1}",
          "[" + "[".repeat(2000) + "]".repeat(2000) + "]",
          "{\"x\": \"" + "\\u0000".repeat(100) + "\"}");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=latin1",
          "application/merge-patch+json",
          "*/*",
          "application/json;;;");

  private final ObjectMapper json = new ObjectMapper();
  private final Random random = new Random(SEED);
  private final List<String> failures = new ArrayList<>();
  private final String admin = DevTokens.admin();
  private JsonNode document;
  private Fixture fixture;
  private int sent;
  private long slowestNanos;
  private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
  private String slowest = "";

  @Inject AgroalDataSource dataSource;

  record Fixture(String provider, String program, long priceId, long examId, String alias) {}

  record Operation(String method, String path, JsonNode spec) {}

  record Answer(int status, Map<String, String> headers, String body, long nanos) {}

  @AfterEach
  void deleteFuzzData() throws Exception {
    String marker = RUN + "%";
    for (String slug : slugs("select slug from program where slug like ?", marker)) {
      patch("/api/v1/programs/" + slug, "{\"supersededBy\": null}");
    }
    for (String slug : slugs("select slug from program where slug like ?", marker)) {
      given()
          .auth()
          .oauth2(admin)
          .header("If-Match", version("/api/v1/programs/" + slug))
          .delete("/api/v1/programs/{slug}", slug);
    }
    for (String slug : slugs("select slug from provider where slug like ?", marker)) {
      given()
          .auth()
          .oauth2(admin)
          .header("If-Match", version("/api/v1/providers/" + slug))
          .delete("/api/v1/providers/{slug}", slug);
    }
  }

  @Test
  void shouldAnswerEveryHostileRequestWithAProblemQuickly() throws Exception {
    document = new YAMLMapper().readTree(Path.of("openapi/openapi.yaml").toFile());
    fixture = createFixture();
    List<Operation> operations = operations();
    assertThat(operations).as("operations in openapi.yaml").hasSizeGreaterThan(30);

    // Warm-up, not judged for time: the first call of each operation loads and compiles its code.
    for (Operation op : operations) {
      send(
          op.method(),
          path(op, Map.of()),
          defaultHeaders(op),
          exampleBody(op),
          contentType(op),
          false);
    }

    List<Runnable> cases = new ArrayList<>();
    for (Operation op : operations) {
      cases.addAll(cases(op));
    }
    java.util.Collections.shuffle(cases, random);
    long deadline = System.nanoTime() + BUDGET.toNanos();
    for (Runnable c : cases) {
      if (sent >= MAX_REQUESTS || System.nanoTime() > deadline) {
        break;
      }
      c.run();
    }
    System.out.printf(
        "RestFuzzTest: %d requests over %d operations (seed %d), statuses %s, slowest %d ms: %s%n",
        sent, operations.size(), SEED, statuses, slowestNanos / 1_000_000, slowest);
    assertThat(sent)
        .as("requests sent within the budget")
        .isGreaterThan(Math.min(MAX_REQUESTS, cases.size()) / 2);
    assertThat(failures)
        .as(
            "%d requests (seed %d), slowest %d ms: %s",
            sent, SEED, slowestNanos / 1_000_000, slowest)
        .isEmpty();
  }

  // ---- the cases ---------------------------------------------------------------------------

  private List<Runnable> cases(Operation op) {
    List<Runnable> cases = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    op.spec().path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      for (String value : sample(HOSTILE, 14)) {
        cases.add(
            () -> {
              Map<String, String> overrides = new LinkedHashMap<>();
              Map<String, String> headers = defaultHeaders(op);
              if (in.equals("header")) {
                headers.put(name, decodedForHeader(value));
              } else {
                overrides.put(in + ":" + name, value);
              }
              send(
                  op.method(),
                  path(op, overrides),
                  headers,
                  exampleBody(op),
                  contentType(op),
                  true);
            });
      }
    }
    // A parameter nobody declared, and a declared one repeated.
    cases.add(
        () ->
            send(
                op.method(),
                path(op, Map.of("query:definitelyUnknown", "1")),
                defaultHeaders(op),
                exampleBody(op),
                contentType(op),
                true));
    JsonNode body = requestSchema(op);
    if (body != null) {
      ObjectNode example = exampleObject(op);
      List<String> fields = new ArrayList<>();
      example.fieldNames().forEachRemaining(fields::add);
      fields.addAll(propertyNames(body));
      for (String field : fields.stream().distinct().toList()) {
        for (String value : sample(HOSTILE_JSON, 6)) {
          cases.add(
              () -> {
                ObjectNode mutated = example.deepCopy();
                try {
                  mutated.set(field, json.readTree(value));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
                send(
                    op.method(),
                    path(op, Map.of()),
                    defaultHeaders(op),
                    mutated.toString(),
                    contentType(op),
                    true);
              });
        }
      }
      for (String malformed : MALFORMED_BODIES) {
        cases.add(
            () ->
                send(
                    op.method(),
                    path(op, Map.of()),
                    defaultHeaders(op),
                    malformed,
                    contentType(op),
                    true));
      }
      for (String type : sample(CONTENT_TYPES, 4)) {
        cases.add(
            () ->
                send(
                    op.method(),
                    path(op, Map.of()),
                    defaultHeaders(op),
                    exampleBody(op),
                    type,
                    true));
      }
      cases.add(
          () ->
              send(
                  op.method(),
                  path(op, Map.of()),
                  defaultHeaders(op),
                  exampleBody(op),
                  null,
                  true));
      // Over the 1 MB limit, and an unknown field (the API refuses misspelt fields).
      cases.add(
          () ->
              send(
                  op.method(),
                  path(op, Map.of()),
                  defaultHeaders(op),
                  "{\"names\": [\"" + "y".repeat(1_100_000) + "\"]}",
                  contentType(op),
                  true));
      cases.add(
          () -> {
            ObjectNode mutated = example.deepCopy();
            mutated.put("nmae", "typo");
            send(
                op.method(),
                path(op, Map.of()),
                defaultHeaders(op),
                mutated.toString(),
                contentType(op),
                true);
          });
    }
    // Odd Accept headers, on every operation.
    for (String accept :
        List.of("text/html", "application/xml", "image/png", "application/json;q=0, */*;q=0")) {
      cases.add(
          () -> {
            Map<String, String> headers = defaultHeaders(op);
            headers.put("Accept", accept);
            send(op.method(), path(op, Map.of()), headers, exampleBody(op), contentType(op), true);
          });
    }
    return cases;
  }

  private List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/v1")) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
          operations.add(
              new Operation(
                  method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
        }
      }
    }
    return operations;
  }

  /** The request target: path parameters point at this test's own data unless overridden. */
  private String path(Operation op, Map<String, String> overrides) {
    boolean write = !op.method().equals("GET");
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : op.spec().path("parameters")) {
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      String override = overrides.get(in + ":" + name);
      if (in.equals("path")) {
        String value = override != null ? override : pathValue(op.path(), name, write);
        path = path.replace("{" + name + "}", value);
      } else if (in.equals("query") && override != null) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(override);
      }
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (o.getKey().startsWith("query:definitelyUnknown")) {
        query.append(query.isEmpty() ? "?" : "&").append("definitelyUnknown=").append(o.getValue());
      }
    }
    return path + query;
  }

  private String pathValue(String template, String name, boolean write) {
    boolean program = template.startsWith("/api/v1/programs/");
    return switch (name) {
      case "slug" ->
          program ? (write ? fixture.program() : "ccxp") : (write ? fixture.provider() : "cxpa");
      case "id" ->
          Long.toString(template.contains("/exams/") ? fixture.examId() : fixture.priceId());
      case "alias" ->
          URLEncoder.encode(fixture.alias(), StandardCharsets.UTF_8).replace("+", "%20");
      default -> "x";
    };
  }

  private Map<String, String> defaultHeaders(Operation op) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!op.method().equals("GET")) {
      headers.put("Authorization", "Bearer " + admin);
    }
    for (JsonNode parameter : op.spec().path("parameters")) {
      if (parameter.path("in").asText().equals("header")
          && parameter.path("name").asText().equals("If-Match")) {
        // Never the current version: the fixture must survive for the other cases.
        headers.put("If-Match", "\"987654\"");
      }
    }
    return headers;
  }

  private static String decodedForHeader(String value) {
    try {
      String decoded = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
      // Header values travel as ISO-8859-1 here; keep CR/LF out, which would split the request.
      return decoded.replace("\r", "").replace("\n", "");
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private JsonNode requestSchema(Operation op) {
    JsonNode content = op.spec().path("requestBody").path("content");
    if (content.isMissingNode() || !content.fields().hasNext()) {
      return null;
    }
    JsonNode schema = content.fields().next().getValue().path("schema");
    return resolve(schema);
  }

  private String contentType(Operation op) {
    JsonNode content = op.spec().path("requestBody").path("content");
    return content.fields().hasNext() ? content.fields().next().getKey() : null;
  }

  private String exampleBody(Operation op) {
    return requestSchema(op) == null ? null : exampleObject(op).toString();
  }

  /** The operation's first documented example, with slugs moved into this test's namespace. */
  private ObjectNode exampleObject(Operation op) {
    JsonNode content = op.spec().path("requestBody").path("content");
    ObjectNode example = JsonNodeFactory.instance.objectNode();
    if (content.fields().hasNext()) {
      JsonNode media = content.fields().next().getValue();
      JsonNode found =
          media.path("examples").fields().hasNext()
              ? media.path("examples").fields().next().getValue().path("value")
              : resolve(media.path("schema")).path("examples").path(0);
      if (found.isObject()) {
        example = (ObjectNode) found.deepCopy();
      }
    }
    if (example.has("slug")) {
      example.put("slug", RUN + "-" + random.nextInt(1_000_000));
    }
    if (example.has("provider")) {
      example.put("provider", fixture.provider());
    }
    if (example.has("supersededBy")) {
      example.putNull("supersededBy");
    }
    // Observations go to this test's program (deleted with it), never to seeded programs whose
    // recognition figures other tests read.
    if (example.has("program")) {
      example.put("program", fixture.program());
    }
    for (JsonNode item : example.path("observations")) {
      if (item instanceof ObjectNode observation) {
        observation.put("program", fixture.program());
      }
    }
    return example;
  }

  private List<String> propertyNames(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.path("$ref");
    if (ref.isTextual()) {
      String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
      return document.path("components").path("schemas").path(name);
    }
    return schema;
  }

  private <T> List<T> sample(List<T> values, int count) {
    List<T> copy = new ArrayList<>(values);
    java.util.Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(count, copy.size()));
  }

  // ---- sending and judging -------------------------------------------------------------------

  private void send(
      String method,
      String target,
      Map<String, String> headers,
      String body,
      String contentType,
      boolean judged) {
    String what =
        method
            + " "
            + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
            + (body == null
                ? ""
                : " body=" + (body.length() > 120 ? body.substring(0, 120) + "…" : body))
            + (contentType == null ? "" : " [" + contentType + "]");
    Answer answer;
    try {
      answer = exchange(method, target, headers, body, contentType);
    } catch (IOException e) {
      if (judged) {
        failures.add(what + " → no answer: " + e.getMessage());
      }
      return;
    }
    if (!judged) {
      return;
    }
    sent++;
    statuses.merge(answer.status(), 1, Integer::sum);
    if (answer.nanos() > slowestNanos) {
      slowestNanos = answer.nanos();
      slowest = what;
    }
    String type = answer.headers().getOrDefault("content-type", "");
    if (answer.status() >= 500) {
      failures.add(what + " → " + answer.status() + " " + snippet(answer.body()));
    } else if (answer.status() >= 400 && !type.startsWith("application/problem+json")) {
      failures.add(
          what + " → " + answer.status() + " with content type '" + type + "', not a problem");
    } else if (answer.status() >= 400 && !isProblem(answer.body(), answer.status())) {
      failures.add(
          what
              + " → "
              + answer.status()
              + " with a body that is not a problem: "
              + snippet(answer.body()));
    }
    if (LEAK.matcher(answer.body()).find()) {
      failures.add(
          what
              + " → "
              + answer.status()
              + " leaks an implementation name: "
              + snippet(answer.body()));
    }
    if (answer.nanos() > SLOW.toNanos()) {
      failures.add(what + " → took " + answer.nanos() / 1_000_000 + " ms");
    }
  }

  private boolean isProblem(String body, int status) {
    try {
      JsonNode problem = json.readTree(body);
      return problem.path("type").asText().startsWith("/problems/")
          && problem.path("status").asInt() == status;
    } catch (IOException e) {
      return false;
    }
  }

  private static String snippet(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** One HTTP/1.1 exchange on a fresh connection, with the request target sent byte for byte. */
  private static Answer exchange(
      String method, String target, Map<String, String> headers, String body, String contentType)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\n")
            .append(
                "Host: localhost\r\nConnection: close\r\nAccept: application/json, application/problem+json\r\n");
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase("Accept")) {
            head.append(k).append(": ").append(v).append("\r\n");
          }
        });
    if (headers.containsKey("Accept")) {
      head.replace(
          head.indexOf("Accept: "), head.indexOf("\r\n", head.indexOf("Accept: ")) + 2, "");
      head.append("Accept: ").append(headers.get("Accept")).append("\r\n");
    }
    if (body != null) {
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(payload.length).append("\r\n");
    }
    head.append("\r\n");
    long started = System.nanoTime();
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      try {
        out.write(payload);
        out.flush();
      } catch (IOException e) {
        // The server may answer (413) and close before reading the whole body: read its answer.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          raw.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // Connection reset after a complete answer.
      }
      long nanos = System.nanoTime() - started;
      return parse(raw.toByteArray(), nanos);
    }
  }

  private static Answer parse(byte[] raw, long nanos) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      throw new IOException("not an HTTP answer: '" + snippet(text) + "'");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8), nanos);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = i;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size =
          new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(n, chunked.length - lineEnd - 2));
      i = lineEnd + 2 + n + 2;
    }
    return out.toByteArray();
  }

  // ---- this test's own data --------------------------------------------------------------------

  private Fixture createFixture() {
    String provider = RUN + "-provider";
    String program = RUN + "-program";
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(
            "{\"slug\": \""
                + provider
                + "\", \"name\": \"Fuzz provider\", \"kind\": \"TRAINING_VENDOR\"}")
        .post("/api/v1/providers")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(
            "{\"slug\": \""
                + program
                + "\", \"name\": \"Fuzz program\", \"provider\": \""
                + provider
                + "\", \"credentialType\": \"CERTIFICATE\"}")
        .post("/api/v1/programs")
        .then()
        .statusCode(201);
    long price =
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body(
                "{\"feeType\": \"EXAM\", \"amountMin\": 100, \"amountMax\": 150, \"currency\": \"USD\", \"validFrom\": \"2025-01-01\"}")
            .post("/api/v1/programs/{slug}/prices", program)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long exam =
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body(
                "{\"name\": \"Fuzz exam\", \"durationMinutesMin\": 60, \"durationMinutesMax\": 90}")
            .post("/api/v1/programs/{slug}/exams", program)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body("{\"cycleYearsMin\": 3, \"cycleYearsMax\": 3}")
        .put("/api/v1/programs/{slug}/renewal", program)
        .then()
        .statusCode(201);
    String alias = "Fuzz Alias " + RUN;
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body("{\"alias\": \"" + alias + "\"}")
        .post("/api/v1/programs/{slug}/aliases", program)
        .then()
        .statusCode(201);
    return new Fixture(provider, program, price, exam, alias);
  }

  private void patch(String path, String body) {
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", version(path))
        .contentType("application/merge-patch+json")
        .body(body)
        .patch(path);
  }

  private String version(String path) {
    return "\"" + given().get(path).jsonPath().getLong("version") + "\"";
  }

  private List<String> slugs(String sql, String parameter) throws Exception {
    List<String> slugs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          slugs.add(rs.getString(1));
        }
      }
    }
    return slugs;
  }
}
