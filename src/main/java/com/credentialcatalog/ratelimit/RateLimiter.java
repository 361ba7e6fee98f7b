package com.credentialcatalog.ratelimit;

import com.credentialcatalog.config.CatalogConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one rate limiter of every surface: REST under /api and GraphQL at /graphql draw on the same
 * token bucket per client — the verified token subject when the request carries a valid bearer
 * token, else the remote address — so a client cannot double its budget by switching surface.
 *
 * <p>It is a Vert.x route handler, not a JAX-RS filter, because GraphQL requests never reach the
 * JAX-RS filters. It runs after authentication (which, with {@code
 * quarkus.http.auth.proactive=false}, only prepares the identity) and before the GraphQL guard and
 * every resource. Each request pays 1 here; a GraphQL document pays the rest of its price ({@link
 * #charge}) once its size is known. Every answer carries the IETF RateLimit-Policy and RateLimit
 * headers; an exhausted client gets 429 with Retry-After: a problem document on REST, an error with
 * code RATE_LIMITED on GraphQL.
 */
@ApplicationScoped
public class RateLimiter {

  /**
   * After CORS (-300), authentication (-200) and authorization (-100) filters; before the GraphQL
   * guard (-1).
   */
  static final int ROUTE_ORDER = -50;

  private static final String METERED = RateLimiter.class.getName() + ".metered";

  /**
   * The client a request is metered as, and the latest decision for it, for the response headers.
   */
  private static final class Metered {
    final String client;
    volatile TokenBuckets.Decision decision;

    Metered(String client, TokenBuckets.Decision decision) {
      this.client = client;
      this.decision = decision;
    }
  }

  private final CatalogConfig config;
  private final TokenBuckets buckets;
  private final String graphqlPath;

  public RateLimiter(
      CatalogConfig config,
      TokenBuckets buckets,
      @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
          String graphqlPath) {
    this.config = config;
    this.buckets = buckets;
    this.graphqlPath = graphqlPath.startsWith("/") ? graphqlPath : "/" + graphqlPath;
  }

  void install(@Observes Router router) {
    if (!config.rateLimit().enabled()) {
      return;
    }
    router.route("/api/*").order(ROUTE_ORDER).handler(this::meter);
    router.route(graphqlPath).order(ROUTE_ORDER).handler(this::meter);
  }

  private void meter(RoutingContext rc) {
    Metered charged = rc.get(METERED);
    if (charged != null) {
      // Rerouted (a GraphQL GET that graphql-java answers, as a POST): charged once already, but
      // a reroute drops end handlers, the one that writes the headers among them.
      admit(rc, charged);
      return;
    }
    Uni<SecurityIdentity> deferred =
        bearer(rc) ? rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY) : null;
    if (deferred == null) {
      decide(rc, addressKey(rc));
      return;
    }
    Context context = Vertx.currentContext();
    deferred
        .subscribe()
        .with(
            identity ->
                onContext(
                    context,
                    () ->
                        decide(
                            rc,
                            identity == null || identity.isAnonymous()
                                ? addressKey(rc)
                                : "sub:" + identity.getPrincipal().getName())),
            // An invalid token is limited by address; the endpoint itself answers 401.
            invalidToken -> onContext(context, () -> decide(rc, addressKey(rc))));
  }

  private void decide(RoutingContext rc, String client) {
    TokenBuckets.Decision d = buckets.take(client);
    Metered metered = new Metered(client, d);
    rc.put(METERED, metered);
    if (!d.allowed()) {
      refuse(rc, d);
      return;
    }
    admit(rc, metered);
  }

  private void admit(RoutingContext rc, Metered metered) {
    rc.addHeadersEndHandler(
        v -> {
          if (rc.response().getStatusCode() != 429) {
            headers(rc, metered.decision);
          }
        });
    rc.next();
  }

  /**
   * Charges a metered request {@code cost} more tokens: what a GraphQL document costs beyond the
   * one it paid to come in. Null when the request is not metered (limits off) or the tokens were
   * there; else the refusal, which the caller answers with {@link #refuse}.
   */
  public TokenBuckets.Decision charge(RoutingContext rc, long cost) {
    Metered metered = rc.get(METERED);
    if (metered == null || cost <= 0) {
      return null;
    }
    TokenBuckets.Decision d = buckets.take(metered.client, cost);
    if (d.allowed()) {
      metered.decision = d;
      return null;
    }
    return d;
  }

  /** Answers 429: a problem document on REST, a GraphQL error with code RATE_LIMITED on GraphQL. */
  public void refuse(RoutingContext rc, TokenBuckets.Decision d) {
    String path = rc.normalizedPath();
    boolean graphql = path.equals(graphqlPath);
    String detail =
        "Rate limit of "
            + d.limit()
            + " requests per minute exceeded; retry in "
            + d.retryAfterSeconds()
            + " s"
            + (graphql
                ? " (a GraphQL document costs one request per "
                    + config.rateLimit().graphqlFieldsPerRequest()
                    + " fields it asks for)"
                : "");
    JsonObject body =
        graphql
            ? new JsonObject()
                .put(
                    "errors",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("message", detail)
                                .put(
                                    "extensions",
                                    new JsonObject()
                                        .put("code", "RATE_LIMITED")
                                        .put("retryAfterSeconds", d.retryAfterSeconds()))))
            : new JsonObject()
                .put("type", "/problems/rate-limited")
                .put("title", "Too Many Requests")
                .put("status", 429)
                .put("detail", detail)
                .put("instance", path);
    headers(rc, d);
    rc.response()
        .setStatusCode(429)
        .putHeader("Content-Type", graphql ? "application/json" : "application/problem+json")
        .putHeader("Retry-After", String.valueOf(d.retryAfterSeconds()))
        .end(body.encode());
  }

  /** What a GraphQL document of {@code fields} fields (fragments expanded) costs in requests. */
  public long graphqlCost(long fields) {
    int per = Math.max(1, config.rateLimit().graphqlFieldsPerRequest());
    return Math.max(1, (fields + per - 1) / per);
  }

  private static void headers(RoutingContext rc, TokenBuckets.Decision d) {
    rc.response()
        .headers()
        .set("RateLimit-Policy", "\"per-client\";q=" + d.limit() + ";w=60")
        .set("RateLimit", "\"per-client\";r=" + d.remaining() + ";t=" + d.resetSeconds());
  }

  private static boolean bearer(RoutingContext rc) {
    String auth = rc.request().getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static String addressKey(RoutingContext rc) {
    return "ip:"
        + (rc.request().remoteAddress() == null
            ? "unknown"
            : rc.request().remoteAddress().hostAddress());
  }

  private static void onContext(Context context, Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
