package com.credentialcatalog.rest.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps webhook reads out of the catalog's read caching. {@code rest/caching/ConditionalGetFilter}
 * treats every GET under /api/v1 as a catalog read: it keys answers by URL and catalog revision and
 * shares them between callers, and tags them {@code public}. A subscription list or delivery log
 * belongs to one caller and changes without the catalog changing, so both would be wrong (one
 * caller's list served to another). The first filter hands the caching filter a streamed body,
 * which it never stores, and takes the version tag away from it; the second marks the answer
 * private and gives the version tag back. Both go once that filter skips non-catalog reads itself.
 */
public class WebhookReadHeaders {

  private static final String PREFIX = "/api/v1/webhooks";
  private static final String OWN_TAG = WebhookReadHeaders.class.getName() + ".tag";

  private final ObjectMapper json;

  public WebhookReadHeaders(ObjectMapper json) {
    this.json = json;
  }

  /** Response filters run by descending priority: this one before the caching filter's. */
  @ServerResponseFilter(priority = Priorities.USER + 100)
  public void beforeCaching(ContainerRequestContext request, ContainerResponseContext response)
      throws JsonProcessingException {
    if (!isWebhookRead(request) || response.getStatus() != 200 || response.getEntity() == null) {
      return;
    }
    request.setProperty(OWN_TAG, response.getHeaders().getFirst(HttpHeaders.ETAG));
    response.getHeaders().remove(HttpHeaders.ETAG);
    byte[] body = json.writeValueAsBytes(response.getEntity());
    response.setEntity(
        (StreamingOutput) out -> out.write(body),
        response.getEntityAnnotations(),
        response.getMediaType());
  }

  /** After the caching filter: private, and the subscription's own version as its tag. */
  @ServerResponseFilter(priority = Priorities.USER - 100)
  public void afterCaching(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isWebhookRead(request)) {
      return;
    }
    response.getHeaders().remove(HttpHeaders.ETAG);
    response.getHeaders().remove(HttpHeaders.LAST_MODIFIED);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
    Object own = request.getProperty(OWN_TAG);
    if (own != null) {
      response.getHeaders().putSingle(HttpHeaders.ETAG, own);
    }
  }

  private static boolean isWebhookRead(ContainerRequestContext request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && request.getUriInfo().getRequestUri().getRawPath().startsWith(PREFIX);
  }
}
