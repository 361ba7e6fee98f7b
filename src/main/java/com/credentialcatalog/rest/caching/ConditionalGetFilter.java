package com.credentialcatalog.rest.caching;

import com.credentialcatalog.service.CatalogRevision;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET for every read under /api/v1. A response that sets no entity tag of its own gets
 * a weak one made of the catalog revision and the normalized request: while nothing in the catalog
 * changes, the same request has the same answer, so {@code If-None-Match} is answered 304 before any
 * query runs. Resources that tag their entity by version (single resources) keep their strong tag,
 * and a matching {@code If-None-Match} turns their answer into a 304 too.
 */
public class ConditionalGetFilter {

  /** Every client revalidates (cheaply, with If-None-Match) before reusing a stored answer. */
  static final String CACHE_CONTROL = "public, no-cache";
  private static final String TAG = ConditionalGetFilter.class.getName() + ".tag";

  private final CatalogRevision revision;
  private final Clock clock;

  public ConditionalGetFilter(CatalogRevision revision, Clock clock) {
    this.revision = revision;
    this.clock = clock;
  }

  @ServerRequestFilter
  public Response beforeRead(ContainerRequestContext request) {
    if (!isCatalogRead(request)) {
      return null;
    }
    EntityTag tag = new EntityTag(revisionTag(request), true);
    request.setProperty(TAG, tag);
    if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
    return null;
  }

  @ServerResponseFilter
  public void afterRead(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isCatalogRead(request) || response.getStatus() != 200) {
      return;
    }
    Object own = response.getHeaders().getFirst(HttpHeaders.ETAG);
    EntityTag tag = own != null ? EntityTag.valueOf(own.toString()) : (EntityTag) request.getProperty(TAG);
    if (tag == null) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    if (own != null && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }

  private static boolean isCatalogRead(ContainerRequestContext request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && request.getUriInfo().getPath().startsWith("/api/v1/");
  }

  /** Weak comparison (RFC 9110 §13.1.2): opaque tags equal, W/ ignored; "*" matches anything. */
  static boolean matches(String ifNoneMatch, EntityTag tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("\"" + tag.getValue() + "\"")) {
        return true;
      }
    }
    return false;
  }

  private String revisionTag(ContainerRequestContext request) {
    // Answers depend on the request, what it accepts, the date (prices in force today) and the
    // catalog's content: hash them all, and the tag changes whenever one of them does.
    String key = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
    key += " " + request.getUriInfo().getRequestUri().getRawPath()
        + "?" + request.getUriInfo().getRequestUri().getRawQuery()
        + " " + request.getHeaderString(HttpHeaders.ACCEPT)
        + " " + LocalDate.now(clock);
    return "r" + revision.current() + "-" + sha256(key).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
