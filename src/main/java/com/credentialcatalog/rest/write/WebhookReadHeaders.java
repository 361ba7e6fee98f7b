package com.credentialcatalog.rest.write;

import com.credentialcatalog.caching.PerCallerReads;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks webhook reads private: a subscription list or delivery log belongs to one caller, so no
 * shared cache (a CDN, a proxy) may keep it. The catalog's own read caching already leaves these
 * paths alone ({@code rest/caching/ConditionalGetFilter}); the subscription's version stays the
 * answer's ETag.
 */
public class WebhookReadHeaders {

  @ServerResponseFilter
  public void markPrivate(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (("GET".equals(method) || "HEAD".equals(method))
        && request.getUriInfo().getRequestUri().getRawPath().startsWith(PerCallerReads.WEBHOOKS)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PerCallerReads.CACHE_CONTROL);
    }
  }
}
