package com.credentialcatalog.graphql;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parses GraphQL documents before SmallRye does, so that a document that does not parse — a
 * syntax error, or more tokens than {@code quarkus.smallrye-graphql.parser-max-tokens} — is
 * refused with what is wrong and where (GRAPHQL_PARSE_FAILED, or QUERY_TOO_COMPLEX for the token
 * bound), and a body without a document with 400 BAD_USER_INPUT. SmallRye answers all of these
 * with a bare "Unparseable input document" or "Unparseable request".
 *
 * <p>This guard is also what enforces the token bound: SmallRye 2.17 sets it on graphql-java's
 * default parser options, while graphql-java parses requests with its operation parser options.
 */
@ApplicationScoped
public class DocumentGuard {

  /** After CORS and authentication filters, before SmallRye's GraphQL route. */
  static final int ROUTE_ORDER = -1;
  private static final int MAX_REMEMBERED = 1000;

  private final String path;
  private final long maxBodyBytes;
  private final ParserOptions options;
  /** Documents that parsed, so that a front-end's repeated queries are parsed here only once. */
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();

  public DocumentGuard(
      @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
      @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000") int maxTokens,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
    this.path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
    this.maxBodyBytes = maxBody.asLongValue();
    this.options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
  }

  void install(@Observes Router router) {
    router.post(path).order(ROUTE_ORDER)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::check);
  }

  private void check(RoutingContext rc) {
    List<String> queries;
    try {
      queries = queries(rc);
    } catch (IllegalArgumentException unreadable) {
      respond(rc, 400, List.of(new CatalogError(unreadable.getMessage(), null, null, ErrorCodes.BAD_USER_INPUT, null)));
      return;
    }
    List<CatalogError> errors = new ArrayList<>();
    for (String query : queries) {
      CatalogError error = parse(query);
      if (error != null) {
        errors.add(error);
      }
    }
    if (errors.isEmpty()) {
      rc.next();
    } else {
      respond(rc, 200, errors);
    }
  }

  private static void respond(RoutingContext rc, int status, List<CatalogError> errors) {
    JsonArray json = new JsonArray();
    errors.forEach(e -> json.add(new JsonObject(e.toSpecification())));
    rc.response()
        .putHeader("Content-Type", "application/json")
        .setStatusCode(status)
        .end(new JsonObject(Map.of("errors", json)).encode());
  }

  /**
   * The documents of a POST: the body of application/graphql, or the query member(s) of a JSON
   * body; none for other media types, which SmallRye answers.
   *
   * @throws IllegalArgumentException saying what is wrong with a JSON body that has no document
   */
  private static List<String> queries(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    String body = rc.body() == null ? null : rc.body().asString();
    if (type != null && type.startsWith("application/graphql")) {
      return body == null ? List.of() : List.of(body);
    }
    if (type != null && !type.startsWith("application/json")) {
      return List.of();
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("The request has no body; send {\"query\": \"…\", \"variables\": {…}}");
    }
    Object json;
    try {
      json = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("The request body is not valid JSON");
    }
    List<Object> requests = json instanceof JsonArray batch ? batch.getList() : Collections.singletonList(json);
    List<String> queries = new ArrayList<>();
    for (Object request : requests) {
      Object query = request instanceof JsonObject o ? o.getValue("query")
          : request instanceof Map<?, ?> m ? m.get("query") : null;
      if (!(query instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("The request needs a `query` member holding the GraphQL document");
      }
      queries.add(text);
    }
    return queries;
  }

  private CatalogError parse(String query) {
    if (accepted.contains(query)) {
      return null;
    }
    try {
      Parser.parse(ParserEnvironment.newParserEnvironment()
          .document(new StringReader(query))
          .parserOptions(options)
          .build());
    } catch (InvalidSyntaxException e) {
      return (CatalogError) ErrorCodes.map(e.toInvalidSyntaxError());
    }
    if (accepted.size() >= MAX_REMEMBERED) {
      accepted.clear();
    }
    accepted.add(query);
    return null;
  }
}
