package com.credentialcatalog.graphql;

import com.credentialcatalog.ratelimit.RateLimiter;
import com.credentialcatalog.ratelimit.TokenBuckets;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks every GraphQL POST and GET before SmallRye and graphql-java see it, on a worker thread
 * (never the event loop: the work grows with the document): the body (a GET's parameters) must be
 * one JSON object whose {@code query} is a string, {@code variables} and {@code extensions}
 * objects, no value holds a NUL character (400 BAD_USER_INPUT naming the member, parameter or
 * variable); a persisted query's hash is resolved to its document ({@link PersistedQueries}); the
 * document must parse within the token bound and {@code catalog.graphql.parse-timeout}
 * (GRAPHQL_PARSE_FAILED, or QUERY_TOO_COMPLEX), and fit the depth, alias, complexity and
 * expanded-size bounds with each fragment counted once ({@link DocumentCost}; QUERY_TOO_COMPLEX).
 * Only then does graphql-java validate it — its validation and its own depth and complexity checks
 * walk the expanded document, which is therefore small by then. A query may then be answered from
 * the catalog revision (304 or the kept answer, {@link CachedAnswers}); else the document pays its
 * price to the rate limiter, and {@link DirectReads} or graphql-java answers it. A GET runs queries
 * only (405 for a mutation); HEAD is answered as GET, without the body.
 *
 * <p>This guard is also what enforces the token bound: SmallRye 2.17 sets it on graphql-java's
 * default parser options, while graphql-java parses requests with its operation parser options.
 */
@ApplicationScoped
public class DocumentGuard {

  /** After CORS, authentication and the rate limiter, before SmallRye's GraphQL route. */
  static final int ROUTE_ORDER = -1;

  /** Set by {@link CatalogInstrumentation} when the answer is to carry another status than 200. */
  static final String STATUS = DocumentGuard.class.getName() + ".status";

  private static final int MAX_REMEMBERED = 1000;

  /**
   * Longer documents are measured again each time: a thousand 1 MB documents would not fit in
   * memory.
   */
  private static final int MAX_REMEMBERED_LENGTH = 20_000;

  private final String path;
  private final long maxBodyBytes;
  private final int maxTokens;
  private final int maxDepth;
  private final int maxComplexity;
  private final GraphqlConfig config;
  private final RateLimiter rateLimiter;
  private final DirectReads directReads;
  private final PersistedQueries persistedQueries;
  private final CachedAnswers cachedAnswers;

  /**
   * Measures of documents that passed, so that a front-end's repeated queries are parsed here only
   * once.
   */
  private final Map<String, DocumentCost.Analysis> accepted = new ConcurrentHashMap<>();

  public DocumentGuard(
      @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
          String rootPath,
      @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
          int maxTokens,
      @ConfigProperty(
              name = "quarkus.smallrye-graphql.instrumentation-query-depth",
              defaultValue = "20")
          int maxDepth,
      @ConfigProperty(
              name = "quarkus.smallrye-graphql.instrumentation-query-complexity",
              defaultValue = "1000")
          int maxComplexity,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxBody,
      GraphqlConfig config,
      RateLimiter rateLimiter,
      DirectReads directReads,
      PersistedQueries persistedQueries,
      CachedAnswers cachedAnswers) {
    this.path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
    this.maxBodyBytes = maxBody.asLongValue();
    this.maxTokens = maxTokens;
    this.maxDepth = maxDepth;
    this.maxComplexity = maxComplexity;
    this.config = config;
    this.rateLimiter = rateLimiter;
    this.directReads = directReads;
    this.persistedQueries = persistedQueries;
    this.cachedAnswers = cachedAnswers;
  }

  void install(@Observes Router router) {
    // The parser's first run loads and links its classes: not on a client's clock. Best effort: on
    // a busy machine that first run can outlast the parse bound, which must not stop the start.
    try {
      analyse(
          "query Warm($s: String!) { program(slug: $s) { ...F } } fragment F on Program { slug }");
    } catch (Refused slowFirstParse) {
      // Classes are loaded all the same; the next parse is fast.
    }
    router
        .post(path)
        .order(ROUTE_ORDER)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        // ordered = false: requests of one connection need not wait for each other's checks.
        .blockingHandler(this::check, false)
        .failureHandler(this::failed);
    // SmallRye's own GET (quarkus.smallrye-graphql.http.get.enabled) stays off: it decodes the
    // parameters twice and takes the document for the operation name. GETs are read here, and
    // what graphql-java must answer is rerouted to SmallRye as the equivalent POST.
    router
        .get(path)
        .order(ROUTE_ORDER)
        .blockingHandler(this::checkGet, false)
        .failureHandler(this::failed);
    // HEAD is answered as GET (same tag, 304, kept answer, 405 for a mutation), as REST's is:
    // Vert.x sends the headers of the HEAD response and drops its body.
    router
        .head(path)
        .order(ROUTE_ORDER)
        .blockingHandler(this::checkGet, false)
        .failureHandler(this::failed);
  }

  /** A request the guard refuses: the status and the one error that says why. */
  static final class Refused extends RuntimeException {
    final int status;
    final transient CatalogError error;

    Refused(int status, CatalogError error) {
      super(error.message(), null, false, false);
      this.status = status;
      this.error = error;
    }

    static Refused badInput(String message, Map<String, Object> details) {
      return new Refused(
          400, new CatalogError(message, null, null, ErrorCodes.BAD_USER_INPUT, details));
    }
  }

  /** Marks a GET rerouted as a POST for graphql-java: checked already, charged already. */
  private static final String REROUTED = DocumentGuard.class.getName() + ".rerouted";

  private void check(RoutingContext rc) {
    if (rc.get(REROUTED) != null) {
      // Reroutes drop end handlers: those of the answer are registered on this pass.
      forwardedStatus(rc);
      cachedAnswers.forwarding(rc);
      rc.next();
      return;
    }
    guarded(rc, false);
  }

  private void checkGet(RoutingContext rc) {
    guarded(rc, true);
  }

  private void guarded(RoutingContext rc, boolean get) {
    try {
      serve(rc, get ? getRequest(rc) : request(rc), get);
    } catch (Refused refused) {
      respond(rc, refused.status, refused.error);
    } catch (DatabaseUnavailableException e) {
      unavailable(rc, e);
    }
  }

  /** The registry of persisted documents is out of reach: retry later, as graphql-java says. */
  private static void unavailable(RoutingContext rc, DatabaseUnavailableException e) {
    rc.response().putHeader("Retry-After", "5");
    respond(rc, 503, ErrorCodes.fromException(e, null, null));
  }

  private void serve(RoutingContext rc, Request request, boolean get) {
    PersistedQueries.Resolved resolved =
        persistedQueries.resolve(request.query(), request.extensions());
    String query = checkedQuery(resolved.document());
    DocumentCost.Analysis analysis = accepted.get(query);
    if (analysis == null) {
      analysis = analyse(query);
      if (query.length() <= MAX_REMEMBERED_LENGTH) {
        if (accepted.size() >= MAX_REMEMBERED) {
          accepted.clear();
        }
        accepted.put(query, analysis);
      }
    }
    // Registered only now: a document over the bounds never enters the registry.
    persistedQueries.accepted(resolved);
    boolean readOnly = analysis.readOnly(request.operationName());
    if (get && !readOnly) {
      // GraphQL over HTTP: a GET must not change anything, whatever a cache or crawler replays.
      rc.response().putHeader("Allow", "POST");
      throw new Refused(
          405,
          new CatalogError(
              "Mutations are sent as POST; GET runs queries only",
              null,
              null,
              ErrorCodes.BAD_USER_INPUT,
              Map.of("parameter", "query")));
    }
    if (readOnly
        && cachedAnswers.answered(
            rc, resolved.sha256(), request.operationName(), request.variables(), get)) {
      return;
    }
    DocumentCost.Measure operation = analysis.operation(request.operationName());
    TokenBuckets.Decision refused =
        rateLimiter.charge(rc, rateLimiter.graphqlCost(operation.fields()) - 1);
    if (refused != null) {
      rateLimiter.refuse(rc, refused);
      return;
    }
    DirectReads.Answer answer =
        directReads.answer(rc, query, request.operationName(), request.variables());
    if (answer != null) {
      cachedAnswers.send(rc, answer);
      return;
    }
    if (get || request.query() == null || request.persisted()) {
      // graphql-java reads the document from the body: the one resolved, without the hash.
      JsonObject body = new JsonObject().put("query", query);
      if (request.operationName() != null) {
        body.put("operationName", request.operationName());
      }
      if (request.variables() != null) {
        body.put("variables", request.variables());
      }
      rc.setBody(Buffer.buffer(body.encode()));
    }
    if (get) {
      rc.put(REROUTED, Boolean.TRUE);
      rc.reroute(HttpMethod.POST, path);
      return;
    }
    forwardedStatus(rc);
    cachedAnswers.forwarding(rc);
    rc.next();
  }

  /** Sets the status {@link CatalogInstrumentation} asked for (503 for an outage). */
  private static void forwardedStatus(RoutingContext rc) {
    rc.addHeadersEndHandler(
        v -> {
          Integer status = rc.get(STATUS);
          if (status != null) {
            rc.response().setStatusCode(status);
            if (status == 503) {
              rc.response().putHeader("Retry-After", "5");
            }
          }
        });
  }

  /**
   * Bodies over the size bound (413) get an answer a GraphQL client can read, like every refusal;
   * so does a fault of this guard itself (logged with an id), rather than Vert.x's empty 500.
   */
  private void failed(RoutingContext rc) {
    if (rc.response().ended()) {
      return;
    }
    if (rc.failure() instanceof io.quarkus.security.AuthenticationFailedException
        || rc.failure() instanceof io.quarkus.security.UnauthorizedException
        || rc.failure() instanceof io.quarkus.security.ForbiddenException) {
      // A token that fails verification is the HTTP layer's to answer (401 + WWW-Authenticate,
      // as on REST), not a fault of this guard.
      rc.next();
      return;
    }
    if (rc.statusCode() == 413) {
      respond(
          rc,
          413,
          new CatalogError(
              "The request body is larger than " + maxBodyBytes / 1024 + " KB, the most accepted",
              null,
              null,
              ErrorCodes.QUERY_TOO_COMPLEX,
              Map.of("limit", "bodySize")));
    } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
      respond(
          rc,
          rc.statusCode(),
          new CatalogError(
              "The request body cannot be read as a GraphQL request",
              null,
              null,
              ErrorCodes.BAD_USER_INPUT,
              null));
    } else if (rc.failure() != null) {
      respond(rc, 500, ErrorCodes.fromException(rc.failure(), null, null));
    } else {
      rc.next();
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper ENVELOPE =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static void respond(RoutingContext rc, int status, CatalogError error) {
    JsonArray json = new JsonArray().add(new JsonObject(error.toSpecification()));
    rc.response()
        .putHeader("Content-Type", "application/json")
        .setStatusCode(status)
        .end(new JsonObject(Map.of("errors", json)).encode());
  }

  /**
   * What a request asks for: the document (null when it names one by hash), the name of the
   * operation to run, its variables and its extensions (each may be null).
   */
  private record Request(
      String query,
      String operationName,
      Map<String, Object> variables,
      Map<String, Object> extensions) {

    boolean persisted() {
      return extensions != null && extensions.containsKey("persistedQuery");
    }
  }

  /**
   * The request of a POST: the body of application/graphql, or the members of a JSON body.
   *
   * @throws Refused saying what is wrong with a body that holds no single, well-formed request
   */
  private static Request request(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    String body = rc.body() == null ? null : rc.body().asString();
    if (type != null && type.startsWith("application/graphql")) {
      if (body == null || body.isBlank()) {
        throw Refused.badInput("The request has no GraphQL document", null);
      }
      return new Request(checkedQuery(body), null, null, null);
    }
    if (type != null && !type.startsWith("application/json")) {
      throw new Refused(
          415,
          new CatalogError(
              "Send the request as application/json ({\"query\": \"…\","
                  + " \"variables\": {…}}) or the document alone as application/graphql",
              null,
              null,
              ErrorCodes.BAD_USER_INPUT,
              null));
    }
    if (body == null || body.isBlank()) {
      throw Refused.badInput(
          "The request has no body; send {\"query\": \"…\", \"variables\": {…}}", null);
    }
    Object json;
    try {
      // A plain mapper, not Vert.x's (Quarkus gives it the application's, whose strict text check
      // would refuse a NUL before this guard can say which variable or argument holds it).
      json = json(ENVELOPE.readValue(body, Object.class));
    } catch (java.io.IOException e) {
      throw Refused.badInput("The request body is not valid JSON", null);
    }
    if (json instanceof JsonArray) {
      throw Refused.badInput(
          "Batched requests (a JSON array of operations) are not supported: send one"
              + " {\"query\": \"…\"} object per request",
          null);
    }
    if (!(json instanceof JsonObject request)) {
      throw Refused.badInput(
          "The request body must be a JSON object: {\"query\": \"…\", \"variables\": {…}}", null);
    }
    return members(request, "member");
  }

  /**
   * The request of a GET: the parameters {@code query}, {@code operationName}, and {@code
   * variables} and {@code extensions} as URL-encoded JSON, checked as a POST's members are.
   */
  private static Request getRequest(RoutingContext rc) {
    JsonObject request = new JsonObject();
    for (String name : List.of("query", "operationName", "variables", "extensions")) {
      String value = rc.queryParams().get(name);
      if (value == null) {
        continue;
      }
      if (name.equals("variables") || name.equals("extensions")) {
        try {
          request.put(name, json(ENVELOPE.readValue(value, Object.class)));
        } catch (java.io.IOException e) {
          throw Refused.badInput(
              "The `" + name + "` parameter is not valid JSON: send a URL-encoded JSON object",
              Map.of("parameter", name));
        }
      } else {
        request.put(name, value);
      }
    }
    return members(request, "parameter");
  }

  private static Object json(Object decoded) {
    return decoded instanceof Map<?, ?> map
        ? new JsonObject(castMap(map))
        : decoded instanceof List<?> list ? new JsonArray(new ArrayList<>(list)) : decoded;
  }

  /** The checked members of a request; {@code part} names them (POST members, GET parameters). */
  private static Request members(JsonObject request, String part) {
    Object extensions = request.getValue("extensions");
    boolean byHash =
        extensions instanceof JsonObject e
            && e.containsKey("persistedQuery")
            && request.getValue("query") == null;
    Object query = request.getValue("query");
    if (!byHash && (!(query instanceof String text) || text.isBlank())) {
      throw Refused.badInput(
          "The request needs a `query` "
              + part
              + " holding the GraphQL document (or extensions.persistedQuery naming a"
              + " registered one)",
          Map.of(part, "query"));
    }
    Object operationName = request.getValue("operationName");
    if (operationName != null && !(operationName instanceof String)) {
      throw Refused.badInput(
          "`operationName` must be a string: the name of an operation of the document",
          Map.of(part, "operationName"));
    }
    for (String name : List.of("variables", "extensions")) {
      Object value = request.getValue(name);
      if (value != null && !(value instanceof JsonObject)) {
        throw Refused.badInput(
            "`" + name + "` must be a JSON object (or absent)", Map.of(part, name));
      }
      if (value != null) {
        String where = nul(value, name.equals("variables") ? "$" : name);
        if (where != null) {
          throw Refused.badInput(
              (name.equals("variables") ? "Variable " : "Member ")
                  + "'"
                  + where
                  + "' contains a NUL character (U+0000), which no value of the catalog may hold",
              Map.of(name.equals("variables") ? "variable" : "member", where));
        }
      }
    }
    return new Request(
        byHash ? null : checkedQuery((String) query),
        (String) operationName,
        request.getValue("variables") instanceof JsonObject variables ? variables.getMap() : null,
        extensions instanceof JsonObject e ? e.getMap() : null);
  }

  private static String checkedQuery(String query) {
    int nul = query.indexOf('\0');
    if (nul >= 0) {
      throw Refused.badInput(
          "The query contains a NUL character (U+0000) at offset "
              + nul
              + "; GraphQL documents may not hold control characters",
          member("query"));
    }
    return query;
  }

  /** Where in {@code value} a NUL character is, as a path from {@code at}; null when none is. */
  private static String nul(Object value, String at) {
    if (value instanceof String s) {
      return s.indexOf('\0') >= 0 ? at : null;
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> e : object) {
        String key = e.getKey();
        String path = at.equals("$") ? key : at + "." + key;
        String found = key.indexOf('\0') >= 0 ? path : nul(e.getValue(), path);
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        String found = nul(array.getValue(i), at + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Map<String, Object> member(String name) {
    return Map.of("member", name);
  }

  /**
   * Parses and measures a document, or refuses it with the bound it exceeds (also what an admin's
   * trusted document must pass, {@link TrustedDocumentCheck}).
   */
  DocumentCost.Analysis analyse(String query) {
    Document document = parse(query);
    DocumentCost.Analysis analysis;
    try {
      analysis = DocumentCost.analyse(document);
    } catch (DocumentCost.Refusal refusal) {
      throw new Refused(
          refusal.code().equals(ErrorCodes.BAD_USER_INPUT) ? 400 : 200, refusal.toError());
    }
    DocumentCost.Measure total = analysis.total();
    DocumentCost.Measure widest = analysis.operation(null);
    if (widest.depth() > maxDepth) {
      throw tooComplex(
          "The query is " + widest.depth() + " levels deep; at most " + maxDepth + " are allowed.",
          "depth",
          maxDepth);
    }
    if (widest.aliases() > config.maxAliases()) {
      throw tooComplex(
          "The query uses more than "
              + config.maxAliases()
              + " aliases, the most allowed."
              + " Split it into several requests.",
          "aliases",
          config.maxAliases());
    }
    if (widest.fields() > maxComplexity) {
      throw tooComplex(
          "The query asks for "
              + count(widest.fields())
              + " fields; at most "
              + maxComplexity
              + " are allowed. Ask for less, or split it into several requests.",
          "complexity",
          maxComplexity);
    }
    if (total.fields() > config.maxExpandedFields()) {
      throw tooComplex(
          "The document holds "
              + count(total.fields())
              + " fields once its fragments are expanded;"
              + " at most "
              + config.maxExpandedFields()
              + " are allowed. Send only the operation you run.",
          "expandedFields",
          config.maxExpandedFields());
    }
    return analysis;
  }

  private static String count(long fields) {
    return fields >= DocumentCost.SATURATED
        ? "more than " + DocumentCost.SATURATED
        : String.valueOf(fields);
  }

  private static Refused tooComplex(String message, String limit, int maximum) {
    return new Refused(
        200,
        new CatalogError(
            message,
            null,
            null,
            ErrorCodes.QUERY_TOO_COMPLEX,
            Map.of("limit", limit, "maximum", maximum)));
  }

  private Document parse(String query) {
    long deadline = System.nanoTime() + config.parseTimeout().toNanos();
    // graphql-java reports every token it reads: the parse stops at the deadline, whatever the
    // input.
    ParserOptions options =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(
                o ->
                    o.maxTokens(maxTokens)
                        .parsingListener(
                            token -> {
                              if (System.nanoTime() > deadline) {
                                throw new ParseTimeout();
                              }
                            }));
    try {
      return Parser.parse(
          ParserEnvironment.newParserEnvironment()
              .document(new StringReader(query))
              .parserOptions(options)
              .build());
    } catch (InvalidSyntaxException e) {
      throw new Refused(200, (CatalogError) ErrorCodes.map(e.toInvalidSyntaxError()));
    } catch (RuntimeException e) {
      if (e instanceof ParseTimeout || e.getCause() instanceof ParseTimeout) {
        throw tooComplex(
            "The document took longer than "
                + config.parseTimeout().toMillis()
                + " ms to parse; send a smaller one",
            "parseTime",
            (int) config.parseTimeout().toMillis());
      }
      throw e;
    }
  }

  private static final class ParseTimeout extends RuntimeException {
    ParseTimeout() {
      super(null, null, false, false);
    }
  }
}
