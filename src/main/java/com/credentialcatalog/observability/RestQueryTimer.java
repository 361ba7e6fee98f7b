package com.credentialcatalog.observability;

import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Times every {@code /api/v1} request as {@code catalog.query.latency} with {@code surface=rest}
 * and {@code operation=<ResourceClass>.<method>}, so a new endpoint is measured without code.
 *
 * <p>The clock runs from the matched request to the response filters, i.e. the resource method and
 * exception mapping; writing the body is not included (the HTTP server metrics {@code
 * http_server_requests_seconds} cover the whole exchange). Recording before the body is written
 * also means a client that has its answer will find it counted.
 */
public class RestQueryTimer {

  private static final String SAMPLE = RestQueryTimer.class.getName() + ".sample";
  private static final String OPERATION = RestQueryTimer.class.getName() + ".operation";
  // Request filters run in ascending, response filters in descending priority: this one is the
  // first to see the request and the last to see the response.
  private static final int OUTERMOST = Priorities.AUTHENTICATION - 100;

  private final CatalogMetrics metrics;

  public RestQueryTimer(CatalogMetrics metrics) {
    this.metrics = metrics;
  }

  @ServerRequestFilter(priority = OUTERMOST)
  public void start(ContainerRequestContext request, SimpleResourceInfo resource) {
    if (!isApi(request.getUriInfo().getPath())) {
      return;
    }
    request.setProperty(
        OPERATION, resource.getResourceClass().getSimpleName() + "." + resource.getMethodName());
    request.setProperty(SAMPLE, metrics.start());
  }

  @ServerResponseFilter(priority = OUTERMOST)
  public void stop(ContainerRequestContext request) {
    if (request.getProperty(SAMPLE) instanceof Timer.Sample sample
        && request.getProperty(OPERATION) instanceof String operation) {
      metrics.recordQuery(CatalogMetrics.REST, operation, sample);
    }
  }

  static boolean isApi(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("api/v1") || relative.startsWith("api/v1/");
  }
}
