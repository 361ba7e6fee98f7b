package com.credentialcatalog.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is sane (1–64 of {@code
 * [A-Za-z0-9._-]}), else a new UUID. The id is echoed in the response header and put in the logging
 * MDC as {@code requestId}, so each log line of the request carries it (the JSON logs of the prod
 * profile print the MDC).
 *
 * <p>A Vert.x filter rather than a JAX-RS one, so GraphQL, health and metrics requests get an id
 * too. Quarkus keeps the MDC in the request's own (duplicated) Vert.x context, which follows the
 * request to the worker thread and ends with it: nothing leaks into the next request.
 */
@ApplicationScoped
public class RequestIds {

  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";

  /** The MDC key. */
  public static final String MDC_KEY = "requestId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // Vert.x filters run in descending priority: before the others, so their log lines have the id.
  private static final int PRIORITY = 10_000;

  void register(@Observes Filters filters) {
    filters.register(this::assign, PRIORITY);
  }

  void assign(RoutingContext rc) {
    String id = idFor(rc.request().getHeader(HEADER));
    MDC.put(MDC_KEY, id);
    rc.response().putHeader(HEADER, id);
    rc.next();
  }

  /** The caller's id when it is safe to log and echo, else a new one. */
  static String idFor(String given) {
    return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
