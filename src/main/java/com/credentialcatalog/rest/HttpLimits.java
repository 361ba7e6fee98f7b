package com.credentialcatalog.rest;

import com.credentialcatalog.rest.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Size limits with a problem body. Vert.x enforces its limits (request line, headers, body) before
 * JAX-RS and answers with an empty body, which clients cannot tell from a proxy's error. So the
 * decoder's own limits are set well above ours (application.properties) and this handler, the first
 * on every route, enforces ours: 414 for a long URI, 431 for large headers, 413 for a declared body
 * over {@code quarkus.http.limits.max-body-size}, 400 for a control character in a header, each as
 * {@code application/problem+json}. Only requests beyond the decoder's limits (64 KiB) still get
 * Vert.x's bare answer.
 */
@ApplicationScoped
public class HttpLimits {

  /** Longest request target (path and query) we serve; the decoder's limit is 64 KiB. */
  static final int MAX_URI_LENGTH = 8192;

  /** Most bytes of header names and values together; the decoder's limit is 64 KiB. */
  static final int MAX_HEADER_BYTES = 20 * 1024;

  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  public HttpLimits(
      ObjectMapper mapper,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
          MemorySize maxBody) {
    this.mapper = mapper;
    this.maxBodyBytes = maxBody.asLongValue();
  }

  void install(@Observes Router router) {
    // Before Quarkus' upload limit (ROUTE_ORDER_UPLOAD_LIMIT), which answers 413 with no body.
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    // Vert.x fails an HTTP/1.1 request without Host while routing it, before any handler runs:
    // only a failure handler sees it. Quarkus' own answered a text "500" page (status 400) and
    // logged an ERROR per request.
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            ctx -> {
              if (missingHost(ctx.request())) {
                refuseMissingHost(ctx);
              } else {
                ctx.next();
              }
            });
  }

  private static boolean missingHost(HttpServerRequest request) {
    return request.version() == HttpVersion.HTTP_1_1 && request.getHeader(HttpHeaders.HOST) == null;
  }

  private void refuseMissingHost(RoutingContext ctx) {
    // Required by HTTP/1.1 (RFC 9112 section 3.2).
    refuse(
        ctx,
        400,
        "validation",
        "Invalid Request",
        "Invalid input: header Host is required in HTTP/1.1",
        List.of(new Problem.FieldError("Host", "is required in HTTP/1.1")));
  }

  void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String uri = request.uri();
    if (uri != null && uri.length() > MAX_URI_LENGTH) {
      refuse(
          ctx,
          414,
          "uri-too-long",
          "URI Too Long",
          "The request URI is longer than "
              + MAX_URI_LENGTH
              + " characters; send long inputs in a request body",
          null);
      return;
    }
    long headerBytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      headerBytes += header.getKey().length() + header.getValue().length() + 4;
      String problem = controlCharacter(header.getValue());
      if (problem != null) {
        refuse(
            ctx,
            400,
            "validation",
            "Invalid Request",
            "Invalid input: header " + header.getKey() + " " + problem,
            List.of(new Problem.FieldError(header.getKey(), problem)));
        return;
      }
    }
    if (headerBytes > MAX_HEADER_BYTES) {
      refuse(
          ctx,
          431,
          "request-header-fields-too-large",
          "Request Header Fields Too Large",
          "The request headers are larger than " + MAX_HEADER_BYTES + " bytes",
          null);
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        refuse(
            ctx,
            400,
            "validation",
            "Invalid Request",
            "Invalid input: header Content-Length" + " must be a number of bytes",
            List.of(new Problem.FieldError("Content-Length", "must be a number of bytes")));
        return;
      }
      if (declared > maxBodyBytes) {
        refuse(
            ctx,
            413,
            "payload-too-large",
            "Payload Too Large",
            "The request body is larger than this API accepts (" + maxBodyBytes + " bytes)",
            null);
        return;
      }
    }
    ctx.next();
  }

  /** NUL and other C0 controls except tab: never valid in a header value (RFC 9110 §5.5). */
  static String controlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character (U+0000)";
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return "must not contain control characters";
      }
    }
    return null;
  }

  private void refuse(
      RoutingContext ctx,
      int status,
      String type,
      String title,
      String detail,
      List<Problem.FieldError> errors) {
    String path = ctx.request().path();
    Problem problem =
        new Problem(
            "/problems/" + type,
            title,
            status,
            detail,
            path == null || path.length() > MAX_URI_LENGTH ? null : path,
            errors);
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      body = "{\"type\":\"/problems/" + type + "\",\"status\":" + status + "}";
    }
    var response =
        ctx.response()
            .setStatusCode(status)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (status == 413) {
      // The body may still be on its way: do not read it, close the connection after answering.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(body);
  }
}
