package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A hostile client, seeded so that a failure can be replayed: random documents built from the
 * schema's own introspection (random selections, arguments of the right type, the wrong type, null,
 * boundaries, NUL, unicode and very long strings, as literals or variables) and hostile shapes
 * (deep, wide, alias bombs, fragment blow-ups k = 10…40, fragment cycles, batched arrays, huge and
 * malformed variables and extensions, other media types). Every answer must come within a second (a
 * request slower than that is sent once more, and fails if it is slow again: the runners are
 * shared), never be a 5xx, give every error an {@code extensions.code}, and show no Java class or
 * exception name. Bounded to about 1,200 requests and two minutes.
 */
@QuarkusTest
class GraphqlFuzzTest {

  private static final long SEED = 20261201L;
  private static final int RANDOM_DOCUMENTS = 1_000;
  private static final long BUDGET_NANOS = 120_000_000_000L;
  private static final long MAX_MILLIS = 1_000;
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SLUGS =
      List.of(
          "ccxp",
          "hdi-support-center-analyst",
          "certified-customer-service-professional",
          "cxpa",
          "hdi",
          "no-such-thing");

  @TestHTTPResource("/graphql")
  URI endpoint;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Random random = new Random(SEED);
  private final List<String> failures = new ArrayList<>();
  private Map<String, Map<String, Object>> types;
  private int sent;
  private int retried;
  private long slowest;
  private String slowestRequest = "";

  /** A type reference from introspection: kind, name, ofType. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> ofType(Map<String, Object> ref) {
    return (Map<String, Object>) ref.get("ofType");
  }

  @Test
  void shouldAnswerEveryHostileDocumentFastWithACodeAndNoImplementationDetail() {
    JsonPath schema = GraphqlClient.query(IntrospectionQuery.INTROSPECTION_QUERY);
    types = new LinkedHashMap<>();
    for (Map<String, Object> type : schema.<Map<String, Object>>getList("data.__schema.types")) {
      types.put((String) type.get("name"), type);
    }
    warmUp();
    long start = System.nanoTime();
    for (String hostile : hostileBodies()) {
      if (System.nanoTime() - start > BUDGET_NANOS) {
        break;
      }
      send(hostile, "application/json");
    }
    for (Map.Entry<String, String> other : otherMediaTypes().entrySet()) {
      send(other.getValue(), other.getKey());
    }
    for (int i = 0; i < RANDOM_DOCUMENTS && System.nanoTime() - start < BUDGET_NANOS; i++) {
      send(randomRequest(), "application/json");
    }
    System.out.printf(
        "GraphqlFuzzTest: %d requests in %d s (%d sent again after more than %d ms), slowest %d ms:"
            + " %s%n",
        sent,
        (System.nanoTime() - start) / 1_000_000_000L,
        retried,
        MAX_MILLIS,
        slowest,
        abbreviate(slowestRequest));
    assertThat(failures).as("failures of %d requests (seed %d)", sent, SEED).isEmpty();
    assertThat(sent).isGreaterThan(500);
  }

  /**
   * One valid query per root field, unmeasured: a cold code path is not what this test is about.
   */
  private void warmUp() {
    for (Map<String, Object> field : fields("Query")) {
      send(body(new Document(random).root(field, true), Map.of()), "application/json", false);
    }
  }

  private void send(String body, String contentType) {
    send(body, contentType, true);
  }

  private void send(String body, String contentType, boolean judged) {
    Answer answer = exchange(body, contentType);
    if (answer == null || !judged) {
      return;
    }
    if (answer.millis() > MAX_MILLIS) {
      // The runners are shared: a request slowed by a neighbour's build is sent again, and only a
      // document that is slow both times fails. One that the server makes slow stays slow.
      retried++;
      Answer again = exchange(body, contentType);
      answer = again == null ? answer : again;
    }
    sent++;
    if (answer.millis() > slowest) {
      slowest = answer.millis();
      slowestRequest = body;
    }
    String problem = judge(answer.status(), answer.body(), answer.millis());
    if (problem != null && failures.size() < 30) {
      failures.add(
          problem
              + " — request: "
              + abbreviate(body)
              + " — answer "
              + answer.status()
              + ": "
              + abbreviate(answer.body()));
    }
  }

  private record Answer(int status, String body, long millis) {}

  private Answer exchange(String body, String contentType) {
    // java.net.http rather than RestAssured: it sends any bytes under any media type, as an
    // attacker would.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    long t = System.nanoTime();
    HttpResponse<String> r;
    try {
      r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      failures.add(
          "no answer (" + e.getClass().getSimpleName() + ") — request: " + abbreviate(body));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Answer(r.statusCode(), r.body(), (System.nanoTime() - t) / 1_000_000);
  }

  private static String judge(int status, String answer, long millis) {
    if (millis > MAX_MILLIS) {
      return "took " + millis + " ms";
    }
    if (status >= 500) {
      return "status " + status;
    }
    if (answer.contains("Exception") || CLASS_NAME.matcher(answer).find()) {
      return "leaks an implementation detail";
    }
    if (status != 200 && status != 400 && status != 405 && status != 413 && status != 415) {
      return "unexpected status " + status;
    }
    Object errors;
    try {
      errors = JSON.readValue(answer, Map.class).get("errors");
    } catch (JsonProcessingException | RuntimeException e) {
      return "not a JSON object";
    }
    if (status != 200 && errors == null) {
      return "refused without errors";
    }
    if (errors instanceof List<?> list) {
      for (Object error : list) {
        Object extensions = error instanceof Map<?, ?> m ? m.get("extensions") : null;
        if (!(extensions instanceof Map<?, ?> ext) || !(ext.get("code") instanceof String)) {
          return "an error without extensions.code";
        }
        if ("INTERNAL_SERVER_ERROR".equals(ext.get("code"))) {
          return "an internal error";
        }
      }
    }
    return null;
  }

  private List<String> hostileBodies() {
    List<String> bodies = new ArrayList<>();
    String slug = "program(slug: \"ccxp\")";
    bodies.add(
        body(
            "{ " + slug + " { " + "supersededBy { ".repeat(60) + "slug" + " }".repeat(60) + " } }",
            null));
    bodies.add(body("{ " + slug + " {" + " slug".repeat(4_000) + " } }", null));
    bodies.add(body("{" + " __typename".repeat(4_900) + " }", null));
    for (int n : new int[] {101, 500, 2_000}) {
      StringBuilder doc = new StringBuilder("{");
      for (int i = 0; i < n; i++) {
        doc.append(" a").append(i).append(": programs(first: 100) { totalCount }");
      }
      bodies.add(body(doc.append(" }").toString(), null));
    }
    for (int k = 10; k <= 40; k++) {
      bodies.add(body(GraphqlHostileInputTest.fragmentBlowUp(k), null));
      // The same with aliases, and spreading three times.
      bodies.add(
          body(
              GraphqlHostileInputTest.fragmentBlowUp(k)
                  .replace("{ slug }", "{ a: slug b: name }")
                  .replace(" ...G", " x: __typename ...G"),
              null));
      StringBuilder three =
          new StringBuilder("{ " + slug + " { ...T" + k + " } } fragment T0 on Program { slug }");
      for (int i = 1; i <= k; i++) {
        three
            .append(" fragment T")
            .append(i)
            .append(" on Program { ...T")
            .append(i - 1)
            .append(" ...T")
            .append(i - 1)
            .append(" ...T")
            .append(i - 1)
            .append(" }");
      }
      bodies.add(body(three.toString(), null));
    }
    bodies.add(body("{ " + slug + " { ...A } } fragment A on Program { ...A }", null));
    bodies.add(
        body(
            "{ "
                + slug
                + " { ...A } } fragment A on Program { slug ...B } fragment B on Program { ...C }"
                + " fragment C on Program { ...A }",
            null));
    bodies.add(
        body(
            "{ "
                + slug
                + " { ...A } } fragment A on Program { slug } fragment A on Program { name }",
            null));
    bodies.add(body("{ " + slug + " { ...Missing } }", null));
    bodies.add("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]");
    bodies.add("[]");
    bodies.add(
        "["
            + "{\"query\": \"{ programs(first: 100) { totalCount } }\"},".repeat(500)
            + "{\"query\": \"{ a }\"}]");
    StringBuilder huge = new StringBuilder("{");
    for (int i = 0; i < 40_000; i++) {
      huge.append(i == 0 ? "" : ",")
          .append("\"v")
          .append(i)
          .append("\": \"value ")
          .append(i)
          .append('"');
    }
    bodies.add(
        "{\"query\": \"query Q($v0: String) { __typename }\", \"variables\": " + huge + "}}");
    bodies.add(
        "{\"query\": \"query Q($s: String!) { program(slug: $s) { slug } }\", \"variables\": {\"s\": \""
            + "x".repeat(900_000)
            + "\"}}");
    bodies.add(
        "{\"query\": \"{ __typename }\", \"variables\": "
            + "[".repeat(5_000)
            + "]".repeat(5_000)
            + "}");
    bodies.add(
        "{\"query\": \"{ lookup(names: "
            + "[".repeat(3_000)
            + "\\\"x\\\""
            + "]".repeat(3_000)
            + ") { results { name } } }\"}");
    for (String malformed : List.of("\"x\"", "5", "true", "[1,2]", "\"{}\"")) {
      bodies.add("{\"query\": \"{ __typename }\", \"variables\": " + malformed + "}");
      bodies.add("{\"query\": \"{ __typename }\", \"extensions\": " + malformed + "}");
      bodies.add("{\"query\": \"{ __typename }\", \"operationName\": " + malformed + "}");
      bodies.add("{\"query\": " + malformed + "}");
    }
    bodies.add("{\"query\": \"{ __typename }\", \"variables\": {\"a\\u0000\": 1}}");
    bodies.add("{\"query\": \"{ __typename \\u0000 }\"}");
    bodies.add(
        "{\"query\": \"query Q($s: String!) { program(slug: $s) { slug } }\", \"variables\": {\"s\": \"\\u0000\"}}");
    bodies.add("{\"query\": \"{ __typename }\", \"operationName\": \"Nope\"}");
    bodies.add("{\"query\": \"query A { __typename } query B { __typename }\"}");
    bodies.add("{not json");
    bodies.add("");
    bodies.add("null");
    bodies.add("{}");
    bodies.add("{\"query\": \"\"}");
    bodies.add("{\"query\": \"" + "{".repeat(3_000) + "\"}");
    bodies.add("{\"query\": \"mutation { deleteProgram(slug: \\\"ccxp\\\") }\"}");
    bodies.add("{\"query\": \"subscription { x }\"}");
    StringBuilder schemas = new StringBuilder("{");
    for (int i = 0; i < 5; i++) {
      schemas.append(" s").append(i).append(": __schema { types { name fields { name } } }");
    }
    bodies.add(body(schemas.append(" }").toString(), null));
    bodies.add(
        body(
            "{ __type(name: \"Program\") { fields { type { fields { type { fields { type { fields { name }"
                + " } } } } } } } }",
            null));
    return bodies;
  }

  private static Map<String, String> otherMediaTypes() {
    Map<String, String> other = new LinkedHashMap<>();
    other.put("text/plain", "{ __typename }");
    other.put("application/xml", "<query>{ __typename }</query>");
    other.put("application/x-www-form-urlencoded", "query=%7B__typename%7D");
    other.put(
        "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ a }\r\n--x--");
    other.put("application/graphql", "{ __typename }");
    other.put("application/graphql; charset=utf-8", "{ program(slug: \"ccxp\") { slug } ");
    other.put("application/json; charset=latin1", "{\"query\": \"{ __typename }\"}");
    other.put(null, "{\"query\": \"{ __typename }\"}");
    return other;
  }

  private String randomRequest() {
    Document doc = new Document(random);
    List<Map<String, Object>> roots = fields("Query");
    int count = 1 + random.nextInt(3);
    StringBuilder selection = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Map<String, Object> root = roots.get(random.nextInt(roots.size()));
      selection
          .append(count > 1 ? " r" + i + ": " : " ")
          .append(doc.root(root, random.nextInt(4) == 0));
    }
    String header =
        doc.variableDeclarations.isEmpty()
            ? "query"
            : "query Fuzz(" + String.join(", ", doc.variableDeclarations) + ")";
    return body(header + " {" + selection + " }", doc.variables);
  }

  private static String body(String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (variables != null && !variables.isEmpty()) {
      body.put("variables", variables);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Map<String, Object>> fields(String typeName) {
    Map<String, Object> type = types.get(typeName);
    Object fields = type == null ? null : type.get("fields");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        fields instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    return list;
  }

  /** The named type under NON_NULL and LIST wrappers. */
  private static Map<String, Object> named(Map<String, Object> ref) {
    Map<String, Object> t = ref;
    while (t.get("name") == null && ofType(t) != null) {
      t = ofType(t);
    }
    return t;
  }

  private static String render(Map<String, Object> ref) {
    return switch ((String) ref.get("kind")) {
      case "NON_NULL" -> render(ofType(ref)) + "!";
      case "LIST" -> "[" + render(ofType(ref)) + "]";
      default -> (String) ref.get("name");
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
  }

  /** One random document under construction: its text and the variables it declares. */
  private final class Document {
    final Random random;
    final List<String> variableDeclarations = new ArrayList<>();
    final Map<String, Object> variables = new LinkedHashMap<>();

    Document(Random random) {
      this.random = random;
    }

    /** A root field with arguments (every required one, some optional ones) and a selection. */
    String root(Map<String, Object> field, boolean sane) {
      return field.get("name") + arguments(field, sane) + selection(named(type(field)), 0, sane);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> type(Map<String, Object> field) {
      return (Map<String, Object>) field.get("type");
    }

    @SuppressWarnings("unchecked")
    private String arguments(Map<String, Object> field, boolean sane) {
      List<Map<String, Object>> args =
          (List<Map<String, Object>>) field.getOrDefault("args", List.of());
      List<String> given = new ArrayList<>();
      for (Map<String, Object> arg : args) {
        Map<String, Object> ref = (Map<String, Object>) arg.get("type");
        boolean required = "NON_NULL".equals(ref.get("kind"));
        if (!required && random.nextInt(3) != 0) {
          continue;
        }
        if (!sane && random.nextInt(4) == 0) {
          String name = "v" + variables.size();
          variableDeclarations.add("$" + name + ": " + render(ref));
          variables.put(name, jsonValue(ref, 0, sane));
          given.add(arg.get("name") + ": $" + name);
        } else {
          given.add(arg.get("name") + ": " + literal(ref, 0, sane));
        }
      }
      return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
    }

    private String selection(Map<String, Object> type, int depth, boolean sane) {
      String kind = (String) type.get("kind");
      if (!"OBJECT".equals(kind) && !"INTERFACE".equals(kind) && !"UNION".equals(kind)) {
        return "";
      }
      List<Map<String, Object>> fields = fields((String) type.get("name"));
      if (fields.isEmpty() || depth > 4) {
        return " { __typename }";
      }
      int count = 1 + random.nextInt(Math.min(fields.size(), sane ? 3 : 6));
      StringBuilder s = new StringBuilder(" {");
      for (int i = 0; i < count; i++) {
        Map<String, Object> f = fields.get(random.nextInt(fields.size()));
        String alias =
            !sane && random.nextInt(8) == 0 ? "x" + i + ": " : (i > 0 ? "f" + i + ": " : "");
        s.append(' ')
            .append(alias)
            .append(f.get("name"))
            .append(arguments(f, sane))
            .append(selection(named(type(f)), depth + 1, sane));
      }
      if (!sane && random.nextInt(10) == 0) {
        s.append(" ...on ").append(type.get("name")).append(" { __typename }");
      }
      return s.append(" }").toString();
    }

    /** A GraphQL literal for a value of type {@code ref}: often right, sometimes wrong. */
    private String literal(Map<String, Object> ref, int depth, boolean sane) {
      Object value = jsonValue(ref, depth, sane);
      return toLiteral(value, named(ref));
    }

    @SuppressWarnings("unchecked")
    private String toLiteral(Object value, Map<String, Object> type) {
      if (value == null) {
        return "null";
      }
      if (value instanceof String s) {
        if ("ENUM".equals(type.get("kind")) && s.matches("[A-Za-z_]\\w*")) {
          return s;
        }
        try {
          return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      if (value instanceof List<?> list) {
        List<String> items = new ArrayList<>();
        for (Object item : list) {
          items.add(toLiteral(item, type));
        }
        return "[" + String.join(", ", items) + "]";
      }
      if (value instanceof Map<?, ?> map) {
        List<String> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          Map<String, Object> fieldType = inputFieldType(type, (String) e.getKey());
          items.add(
              e.getKey()
                  + ": "
                  + toLiteral(e.getValue(), fieldType == null ? Map.of() : named(fieldType)));
        }
        return "{" + String.join(", ", items) + "}";
      }
      return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inputFieldType(Map<String, Object> type, String name) {
      Map<String, Object> full = types.get((String) type.get("name"));
      Object fields = full == null ? null : full.get("inputFields");
      if (fields instanceof List<?> list) {
        for (Object f : list) {
          Map<String, Object> field = (Map<String, Object>) f;
          if (name.equals(field.get("name"))) {
            return (Map<String, Object>) field.get("type");
          }
        }
      }
      return null;
    }

    /**
     * A JSON value for type {@code ref}: right, null, of another type, at a boundary, or hostile
     * text.
     */
    @SuppressWarnings("unchecked")
    private Object jsonValue(Map<String, Object> ref, int depth, boolean sane) {
      String kind = (String) ref.get("kind");
      if (!sane && random.nextInt(12) == 0) {
        return wrong();
      }
      if ("NON_NULL".equals(kind)) {
        return jsonValue(ofType(ref), depth, sane);
      }
      if (!sane && random.nextInt(10) == 0) {
        return null;
      }
      if ("LIST".equals(kind)) {
        int n = sane ? 2 : random.nextInt(4);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          list.add(jsonValue(ofType(ref), depth + 1, sane));
        }
        return list;
      }
      Map<String, Object> type = types.get((String) ref.get("name"));
      String name = (String) ref.get("name");
      if (type != null && "ENUM".equals(type.get("kind"))) {
        List<Map<String, Object>> values = (List<Map<String, Object>>) type.get("enumValues");
        return !sane && random.nextInt(6) == 0
            ? "NOT_A_VALUE"
            : values.get(random.nextInt(values.size())).get("name");
      }
      if (type != null && "INPUT_OBJECT".equals(type.get("kind"))) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth > 3) {
          return object;
        }
        for (Map<String, Object> field : (List<Map<String, Object>>) type.get("inputFields")) {
          Map<String, Object> fieldRef = (Map<String, Object>) field.get("type");
          if ("NON_NULL".equals(fieldRef.get("kind")) || random.nextInt(4) == 0) {
            object.put((String) field.get("name"), jsonValue(fieldRef, depth + 1, sane));
          }
        }
        if (!sane && random.nextInt(10) == 0) {
          object.put("unknownField", 1);
        }
        return object;
      }
      return scalar(name, sane);
    }

    private Object scalar(String name, boolean sane) {
      switch (name) {
        case "Int", "BigInteger", "Long" -> {
          int[] boundaries = {
            0, 1, 3, 20, 100, 101, -1, 1_000, 1_001, Integer.MAX_VALUE, Integer.MIN_VALUE
          };
          return sane ? 5 : boundaries[random.nextInt(boundaries.length)];
        }
        case "Float", "BigDecimal" -> {
          Object[] values = {0, 1.5, -0.01, 1e308, 99999999999999999999.0, "12.5"};
          return sane ? 100 : values[random.nextInt(values.length)];
        }
        case "Boolean" -> {
          return sane || random.nextBoolean();
        }
        case "Date", "LocalDate" -> {
          String[] dates = {
            "2024-06-01", "2023-02-30", "0000-01-01", "9999-12-31", "yesterday", ""
          };
          return sane ? "2024-06-01" : dates[random.nextInt(dates.length)];
        }
        default -> {
          return sane ? SLUGS.get(random.nextInt(3)) : text();
        }
      }
    }

    private String text() {
      return switch (random.nextInt(8)) {
        case 0 -> "a\u0000b";
        case 1 -> "Ωmega ✓ 𝄞 \u202e rtl";
        case 2 -> "x".repeat(10_000 + random.nextInt(5_000));
        case 3 -> "";
        case 4 -> "' OR 1=1 --";
        case 5 -> "%25%00\\u0000";
        default -> SLUGS.get(random.nextInt(SLUGS.size()));
      };
    }

    private Object wrong() {
      Object[] wrong = {"twenty", 12, 3.5, true, List.of(1, 2), Map.of("x", 1), "", -1};
      return wrong[random.nextInt(wrong.length)];
    }
  }
}
