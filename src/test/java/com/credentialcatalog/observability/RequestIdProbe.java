package com.credentialcatalog.observability;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;

/**
 * Test-only resource (src/test, never in the packaged app): answers with the request id it finds in
 * the MDC, from a worker thread like the catalog's own resources.
 */
@Path("/test-support/request-id")
public class RequestIdProbe {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String requestId() {
    Object id = MDC.get(RequestIds.MDC_KEY);
    return id == null ? "" : id.toString();
  }
}
