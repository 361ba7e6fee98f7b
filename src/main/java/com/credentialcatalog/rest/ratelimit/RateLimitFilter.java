package com.credentialcatalog.rest.ratelimit;

import com.credentialcatalog.config.CatalogConfig;
import com.credentialcatalog.rest.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits per client: the verified token subject when the request carries a valid bearer
 * token, else the remote IP address. Every answer carries the IETF RateLimit-Policy and RateLimit
 * headers; an exhausted client gets 429 with Retry-After.
 */
public class RateLimitFilter {

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  private final CatalogConfig config;
  private final TokenBuckets buckets;
  private final CurrentIdentityAssociation identities;

  public RateLimitFilter(CatalogConfig config, TokenBuckets buckets, CurrentIdentityAssociation identities) {
    this.config = config;
    this.buckets = buckets;
    this.identities = identities;
  }

  @ServerRequestFilter
  public Response limit(ContainerRequestContext request, HttpServerRequest http) {
    if (!config.rateLimit().enabled() || !limited(request.getUriInfo().getPath())) {
      return null;
    }
    TokenBuckets.Decision d = buckets.take(clientKey(request, http));
    request.setProperty(DECISION, d);
    if (d.allowed()) {
      return null;
    }
    Response.ResponseBuilder r = Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", d.retryAfterSeconds())
        .entity(new Problem("/problems/rate-limited", "Too Many Requests", 429,
            "Rate limit of " + d.limit() + " requests per minute exceeded; retry in "
                + d.retryAfterSeconds() + " s", request.getUriInfo().getPath(), null));
    headers(r, d);
    return r.build();
  }

  @ServerResponseFilter
  public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
    Object d = request.getProperty(DECISION);
    if (d instanceof TokenBuckets.Decision decision && response.getStatus() != 429) {
      response.getHeaders().putSingle("RateLimit-Policy", policy(decision));
      response.getHeaders().putSingle("RateLimit", state(decision));
    }
  }

  private static void headers(Response.ResponseBuilder r, TokenBuckets.Decision d) {
    r.header("RateLimit-Policy", policy(d)).header("RateLimit", state(d));
  }

  private static String policy(TokenBuckets.Decision d) {
    return "\"per-client\";q=" + d.limit() + ";w=60";
  }

  private static String state(TokenBuckets.Decision d) {
    return "\"per-client\";r=" + d.remaining() + ";t=" + d.resetSeconds();
  }

  private static boolean limited(String path) {
    return path.startsWith("/api/");
  }

  private String clientKey(ContainerRequestContext request, HttpServerRequest http) {
    String auth = request.getHeaderString("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      try {
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        if (identity != null && !identity.isAnonymous()) {
          return "sub:" + identity.getPrincipal().getName();
        }
      } catch (RuntimeException invalidToken) {
        // An invalid token is limited by address; the endpoint itself answers 401.
      }
    }
    return "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
  }
}
