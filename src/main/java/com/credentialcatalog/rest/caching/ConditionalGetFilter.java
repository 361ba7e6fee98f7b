package com.credentialcatalog.rest.caching;

import com.credentialcatalog.caching.ConditionalReads;
import com.credentialcatalog.caching.PerCallerReads;
import com.credentialcatalog.caching.ResponseCache;
import com.credentialcatalog.observability.CatalogMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET for every read under /api/v1. A response that sets no entity tag of its own gets
 * a weak one made of the catalog revision and the normalized request ({@link ConditionalReads}, the
 * rule GraphQL's GET shares): while nothing in the catalog changes, the same request has the same
 * answer, so {@code If-None-Match} is answered 304 before any query runs. Single resources tag
 * their entity with their version; this filter makes that a strong tag of the version and the bytes
 * sent ({@link EntityTags#ofRepresentation}), which is what {@code If-Match} accepts, and a
 * matching {@code If-None-Match} turns their answer into a 304 too.
 */
public class ConditionalGetFilter {

  /** Every client revalidates (cheaply, with If-None-Match) before reusing a stored answer. */
  static final String CACHE_CONTROL = ConditionalReads.CACHE_CONTROL;

  private static final String TAG = ConditionalGetFilter.class.getName() + ".tag";
  private static final String CACHED = ConditionalGetFilter.class.getName() + ".cached";
  private static final String LAST_MODIFIED =
      ConditionalGetFilter.class.getName() + ".lastModified";
  private static final String OWN_TAG = ConditionalGetFilter.class.getName() + ".ownTag";

  private final ConditionalReads conditional;
  private final ResponseCache cache;
  private final CatalogMetrics metrics;
  private final ObjectMapper json;

  public ConditionalGetFilter(
      ConditionalReads conditional,
      ResponseCache cache,
      CatalogMetrics metrics,
      ObjectMapper json) {
    this.conditional = conditional;
    this.cache = cache;
    this.metrics = metrics;
    this.json = json;
  }

  @ServerRequestFilter
  public Response beforeRead(ContainerRequestContext request) {
    if (!isCatalogRead(request)) {
      return null;
    }
    ConditionalReads.Tag current = conditional.tag(normalized(request));
    EntityTag tag = new EntityTag(current.value(), true);
    request.setProperty(TAG, tag);
    Instant lastModified = current.lastModified();
    request.setProperty(LAST_MODIFIED, lastModified);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (current.notModified(ifNoneMatch, request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))) {
      metrics.cacheHit(CatalogMetrics.CONDITIONAL_GET);
      Response.ResponseBuilder r =
          Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
      if (lastModified != null) {
        r.lastModified(Date.from(lastModified));
      }
      return r.build();
    }
    ResponseCache.Entry cached = cache.get(tag.getValue()); // counts its own hits and misses
    if (cached != null && cached.etag() != null && matches(ifNoneMatch, cached.etag())) {
      metrics.cacheHit(CatalogMetrics.CONDITIONAL_GET);
      return Response.notModified(cached.etag())
          .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
          .build();
    }
    if (cached != null) {
      request.setProperty(OWN_TAG, cached.etag());
      Response.ResponseBuilder r = Response.ok(cached.entity(), cached.mediaType());
      if (cached.link() != null) {
        r.header("Link", cached.link());
      }
      request.setProperty(CACHED, Boolean.TRUE);
      return r.build(); // the response filter below adds ETag, Cache-Control and Last-Modified
    }
    return null;
  }

  @ServerResponseFilter
  public void afterRead(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isCatalogRead(request) || response.getStatus() != 200) {
      return;
    }
    boolean hit = request.getProperty(CACHED) != null;
    Object own = response.getHeaders().getFirst(HttpHeaders.ETAG);
    EntityTag tag = (EntityTag) request.getProperty(TAG);
    Object body = response.getEntity();
    if (hit) {
      EntityTag kept = (EntityTag) request.getProperty(OWN_TAG);
      tag = kept != null ? kept : tag;
    } else if (own != null) {
      // The resource tagged its version: tag the bytes of this version, and send exactly them.
      body = serialized(body, response.getMediaType());
      byte[] bytes =
          body instanceof byte[] b
              ? b
              : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
      String version =
          own instanceof EntityTag t ? t.getValue() : EntityTag.valueOf(own.toString()).getValue();
      tag = bytes == null ? new EntityTag(version) : EntityTags.ofRepresentation(version, bytes);
      if (bytes != null) {
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
      }
    }
    if (tag == null) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    Instant lastModified = (Instant) request.getProperty(LAST_MODIFIED);
    if (lastModified != null) {
      response
          .getHeaders()
          .putSingle(
              HttpHeaders.LAST_MODIFIED,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
    }
    if (hit) {
      return;
    }
    if (own != null && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(304);
      response.setEntity(null);
    } else if (cache.enabled() && body != null && !(body instanceof StreamingOutput)) {
      // Kept as the bytes sent: a hit then costs no serialization (a page of 20 is ~15 KB of JSON,
      // which took more of a hit's time than everything else). The same mapper writes both, and
      // the miss sends those bytes too rather than serializing the page a second time. Kept under
      // the revision tag: a write moves the revision, so a kept version tag is never stale.
      Object link = response.getHeaders().getFirst("Link");
      Object bytes = serialized(body, response.getMediaType());
      cache.put(
          ((EntityTag) request.getProperty(TAG)).getValue(),
          new ResponseCache.Entry(
              bytes,
              response.getMediaType(),
              link == null ? null : link.toString(),
              own != null ? tag : null));
      if (bytes instanceof byte[] && bytes != body) {
        response.setEntity(bytes, new java.lang.annotation.Annotation[0], response.getMediaType());
      }
    }
  }

  private Object serialized(Object entity, MediaType mediaType) {
    if (entity instanceof String
        || entity instanceof byte[]
        || mediaType == null
        || !mediaType.getSubtype().endsWith("json")) {
      return entity;
    }
    try {
      return json.writeValueAsBytes(entity);
    } catch (JsonProcessingException e) {
      return entity; // served as an object again, serialized per hit: slower, still right
    }
  }

  private static boolean isCatalogRead(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String path =
        String.valueOf(
            com.credentialcatalog.rest.problem.ProblemMappers.instance(request.getUriInfo()));
    // Per-caller reads (webhooks, admin) are never tagged with the revision nor shared-cached.
    return path.startsWith("/api/v1/") && !PerCallerReads.covers(path);
  }

  /** Weak comparison of an If-None-Match header with a tag ({@link ConditionalReads#matches}). */
  static boolean matches(String ifNoneMatch, EntityTag tag) {
    return ConditionalReads.matches(ifNoneMatch, tag.getValue());
  }

  private static String normalized(ContainerRequestContext request) {
    // Answers depend on the request and what it accepts (the catalog and the date are the rule's).
    String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
    return method
        + " "
        + request.getUriInfo().getRequestUri().getRawPath()
        + "?"
        + request.getUriInfo().getRequestUri().getRawQuery()
        + " "
        + request.getHeaderString(HttpHeaders.ACCEPT);
  }
}
