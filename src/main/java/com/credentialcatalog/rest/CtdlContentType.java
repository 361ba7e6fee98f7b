package com.credentialcatalog.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Names the CTDL profile in the Content-Type of the streamed CTDL export. That method returns a
 * bare StreamingOutput (so that the stream writer, not Jackson, writes it), and the framework drops
 * media-type parameters from {@code @Produces}; its ld+json answer is always CTDL.
 */
public class CtdlContentType {

  static final String EXPORT_PATH = "/api/v1/export/ctdl";

  @ServerResponseFilter
  public void nameTheProfile(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    if (type != null
        && "ld+json".equalsIgnoreCase(type.getSubtype())
        && EXPORT_PATH.equals(request.getUriInfo().getPath())) {
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, CtdlMedia.CTDL);
    }
  }
}
