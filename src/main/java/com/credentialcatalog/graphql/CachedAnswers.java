package com.credentialcatalog.graphql;

import com.credentialcatalog.caching.ConditionalReads;
import com.credentialcatalog.caching.ResponseCache;
import com.credentialcatalog.observability.CatalogMetrics;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Conditional GET and the response cache for GraphQL queries, by the rule REST uses ({@link
 * ConditionalReads}): the tag is the catalog revision and a digest of the document's hash, the
 * operation name, the variables (keys sorted, so their order does not matter) and the Accept
 * header. A GET answers 304 to a current {@code If-None-Match} and carries ETag, Cache-Control and
 * Last-Modified; GET and POST share the kept answers, which a write outdates by moving the
 * revision. Only answers without errors are tagged and kept.
 */
@ApplicationScoped
class CachedAnswers {

  /** Set by {@link CatalogInstrumentation}: graphql-java's result, when it holds no error. */
  static final String RESULT = CachedAnswers.class.getName() + ".result";

  private static final String PENDING = CachedAnswers.class.getName() + ".pending";

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final ConditionalReads conditional;
  private final ResponseCache cache;
  private final CatalogMetrics metrics;

  CachedAnswers(ConditionalReads conditional, ResponseCache cache, CatalogMetrics metrics) {
    this.conditional = conditional;
    this.cache = cache;
    this.metrics = metrics;
  }

  /** A query being answered: its tag, and whether it came as a GET (whose answer is tagged). */
  private record Pending(ConditionalReads.Tag tag, boolean get) {}

  /**
   * Answers a query from the revision when it can: 304 for a GET whose copy is current, else the
   * kept answer. Otherwise remembers the tag, for {@link #send} or {@link #forwarding}.
   *
   * @return whether the request has been answered
   */
  boolean answered(
      RoutingContext rc,
      String sha256,
      String operationName,
      Map<String, Object> variables,
      boolean get) {
    if (!get && !cache.enabled()) {
      return false;
    }
    ConditionalReads.Tag tag;
    try {
      tag = conditional.tag(key(rc, sha256, operationName, variables));
    } catch (DatabaseUnavailableException e) {
      return false; // no revision, no tag: graphql-java answers, and says the database is out
    }
    Pending pending = new Pending(tag, get);
    rc.put(PENDING, pending);
    if (get
        && tag.notModified(
            rc.request().getHeader("If-None-Match"), rc.request().getHeader("If-Modified-Since"))) {
      metrics.cacheHit(CatalogMetrics.CONDITIONAL_GET);
      tagged(rc, pending);
      rc.response().setStatusCode(304).end();
      return true;
    }
    ResponseCache.Entry kept = cache.get(tag.value());
    if (kept != null && kept.entity() instanceof byte[] body) {
      tagged(rc, pending);
      rc.response()
          .putHeader("Content-Type", contentType(kept.mediaType()))
          .end(Buffer.buffer(body));
      return true;
    }
    return false;
  }

  /** Sends an answer of {@link DirectReads}, tagged when the request is a GET, and keeps it. */
  void send(RoutingContext rc, DirectReads.Answer answer) {
    Pending pending = rc.get(PENDING);
    if (pending != null) {
      tagged(rc, pending);
      keep(pending, answer.body(), answer.mediaType());
    }
    rc.response().putHeader("Content-Type", answer.mediaType()).end(Buffer.buffer(answer.body()));
  }

  /**
   * Before graphql-java answers: tags a GET's answer and keeps it, when it has no errors.
   * Registered on the exchange graphql-java answers (after a reroute, which drops earlier end
   * handlers).
   */
  void forwarding(RoutingContext rc) {
    Pending pending = rc.get(PENDING);
    if (pending == null) {
      return;
    }
    rc.addHeadersEndHandler(
        v -> {
          // Only an answer without errors: an error may be passing (a timeout), and a tag would
          // let clients revalidate it with 304s until the next write.
          if (rc.response().getStatusCode() == 200 && rc.get(RESULT) != null) {
            tagged(rc, pending);
          }
        });
    rc.addBodyEndHandler(
        v -> {
          ExecutionResult result = rc.get(RESULT);
          String type = rc.response().headers().get("Content-Type");
          if (result != null && type != null && rc.response().getStatusCode() == 200) {
            // As SmallRye writes it; only the miss pays this second serialization.
            keep(
                pending,
                new ExecutionResponse(result)
                    .getExecutionResultAsString()
                    .getBytes(StandardCharsets.UTF_8),
                type);
          }
        });
  }

  private void keep(Pending pending, byte[] body, String mediaType) {
    cache.put(
        pending.tag().value(),
        new ResponseCache.Entry(body, MediaType.valueOf(mediaType), null, null));
  }

  /** As it was sent: MediaType's own text drops the space before parameters. */
  private static String contentType(MediaType type) {
    StringBuilder text = new StringBuilder(type.getType()).append('/').append(type.getSubtype());
    type.getParameters()
        .forEach((name, value) -> text.append("; ").append(name).append('=').append(value));
    return text.toString();
  }

  private static void tagged(RoutingContext rc, Pending pending) {
    if (!pending.get()) {
      return; // a POST's answer is not reused by HTTP caches: no validator to offer
    }
    rc.response()
        .putHeader("ETag", pending.tag().header())
        .putHeader("Cache-Control", ConditionalReads.CACHE_CONTROL);
    if (pending.tag().lastModified() != null) {
      rc.response().putHeader("Last-Modified", pending.tag().lastModifiedHeader());
    }
  }

  private static String key(
      RoutingContext rc, String sha256, String operationName, Map<String, Object> variables) {
    String canonical;
    try {
      canonical = CANONICAL.writeValueAsString(variables == null ? Map.of() : variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variables read from JSON are written as JSON", e);
    }
    return "GRAPHQL "
        + sha256
        + " "
        + operationName
        + " "
        + canonical
        + " "
        + rc.request().getHeader("Accept");
  }
}
