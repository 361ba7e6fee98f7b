package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends GraphQL requests over HTTP, as a front-end would: POST /graphql with a JSON body. */
final class GraphqlClient {

  private GraphqlClient() {}

  /** The whole response, for assertions on status and headers. */
  static Response send(String token, String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (variables != null && !variables.isEmpty()) {
      body.put("variables", variables);
    }
    RequestSpecification spec =
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
    if (token != null) {
      spec = spec.auth().oauth2(token);
    }
    return spec.post("/graphql");
  }

  /**
   * The JSON body of an anonymous request answered with 200 and no {@code errors}: a test that
   * reads data must not pass on a page whose errors nobody looked at. Use {@link #failing} for an
   * answer that should carry errors.
   */
  static JsonPath query(String query) {
    return query(null, query, Map.of());
  }

  static JsonPath query(String query, Map<String, Object> variables) {
    return query(null, query, variables);
  }

  static JsonPath query(String token, String query, Map<String, Object> variables) {
    JsonPath body = answer(token, query, variables);
    assertThat(body.getList("errors")).as("errors answering %s", query).isNull();
    return body;
  }

  /** The JSON body of an anonymous request answered with 200 and at least one error. */
  static JsonPath failing(String query) {
    return failing(null, query, Map.of());
  }

  static JsonPath failing(String query, Map<String, Object> variables) {
    return failing(null, query, variables);
  }

  static JsonPath failing(String token, String query, Map<String, Object> variables) {
    JsonPath body = answer(token, query, variables);
    assertThat(body.getList("errors")).as("errors answering %s", query).isNotEmpty();
    return body;
  }

  private static JsonPath answer(String token, String query, Map<String, Object> variables) {
    return send(token, query, variables).then().statusCode(200).extract().jsonPath();
  }

  /** The error codes of a response, in order. */
  static List<String> codes(JsonPath response) {
    return response.getList("errors.extensions.code");
  }

  /** Variables built from key-value pairs (Map.of refuses nulls). */
  static Map<String, Object> vars(Object... keysAndValues) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      vars.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return vars;
  }
}
