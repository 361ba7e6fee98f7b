package com.credentialcatalog.rest.problem;

import com.credentialcatalog.rest.StrictJson;
import com.credentialcatalog.service.failure.DatabaseFailures;
import com.credentialcatalog.service.failure.DatabaseUnavailableException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Client mistakes say what to fix; server faults say
 * only that they happened and give an id to find the log entry: no class names, no stack traces.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /**
   * Seconds a client should wait after a 503: about how long a database restart or failover takes.
   */
  static final String RETRY_AFTER_SECONDS = "5";

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    return problem(404, "not-found", "Not Found", e.getMessage(), uri, null);
  }

  // Quarkus ships its own mappers for these Jackson subtypes; more specific ones here win over
  // them.
  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return badJson(e, uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(
      com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
    return badJson(e, uri);
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof JsonMappingException m ? path(m) : null;
    String detail;
    if (e instanceof StrictJson.UnstorableText text) {
      detail = text.getOriginalMessage();
    } else if (e instanceof UnrecognizedPropertyException u) {
      detail = "Unknown field '" + u.getPropertyName() + "'";
    } else if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      detail =
          "'"
              + f.getValue()
              + "' is not one of "
              + Arrays.toString(f.getTargetType().getEnumConstants());
    } else if (e instanceof InvalidFormatException f && isIntegral(f.getTargetType())) {
      detail = "must be a whole number written as a JSON number, not " + json(f.getValue());
    } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        && !(e instanceof InvalidFormatException)
        && isIntegral(m.getTargetType())) {
      detail = "must be a whole number written as a JSON number";
    } else if (e instanceof InvalidFormatException f) {
      detail = json(f.getValue()) + " is not a valid " + simpleType(f.getTargetType());
    } else if (e instanceof JsonMappingException) {
      detail = "The value does not have the expected type or shape";
    } else {
      detail = "The body is not valid JSON";
    }
    List<Problem.FieldError> errors =
        field == null ? null : List.of(new Problem.FieldError(field, detail));
    return problem(
        400,
        "malformed-body",
        "Malformed Request Body",
        field == null ? detail : field + ": " + detail,
        uri,
        errors);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return badJson(json, uri); // the body reader wraps Jackson's error: say what was wrong
      }
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e, uri);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
    String detail =
        switch (status) {
          case 404 -> "No resource at " + instance(uri);
          case 405 -> "Method not allowed on " + instance(uri);
          case 406 ->
              "None of the accepted media types can be produced; this resource serves application/json"
                  + " (some also JSON-LD: see the operation's media types in the OpenAPI document)";
          case 413 -> "The request body is larger than this API accepts";
          case 415 -> "Unsupported content type; send application/json";
          default ->
              e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
                  ? e.getMessage()
                  : title;
        };
    return problem(status, slug(title), title, detail, uri, null);
  }

  @ServerExceptionMapper
  public Response unavailable(DatabaseUnavailableException e, UriInfo uri) {
    return serviceUnavailable(e, uri);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response internal(Throwable e, UriInfo uri) {
    // Outages arrive wrapped in whatever was talking to the database (Hibernate, Narayana, our
    // own JDBC): recognize them here, the one place every unmapped failure passes.
    if (DatabaseFailures.isUnavailable(e)) {
      return serviceUnavailable(e, uri);
    }
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "Unhandled error %s on %s", id, instance(uri));
    return problem(
        500,
        "internal",
        "Internal Server Error",
        "An unexpected error occurred; it was logged with id " + id,
        uri,
        null);
  }

  /** The database is down, restarting or saturated: the same request will work again soon. */
  static Response serviceUnavailable(Throwable e, UriInfo uri) {
    // One line, no stack trace: an outage produces thousands of these and the cause is known.
    LOG.warnf("Database unavailable on %s: %s", instance(uri), rootMessage(e));
    return Response.fromResponse(
            problem(
                503,
                "service-unavailable",
                "Service Unavailable",
                "The catalog's database is unavailable at the moment; retry after the number of seconds"
                    + " in Retry-After",
                uri,
                null))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }

  static Response problem(
      int status,
      String type,
      String title,
      String detail,
      UriInfo uri,
      List<Problem.FieldError> errors) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("/problems/" + type, title, status, detail, instance(uri), errors))
        .build();
  }

  /**
   * The request path as the client sent it (percent-encoding kept). Never throws: a mapper that
   * fails turns a 4xx into a text/plain 500, and a decoded path can itself be undecodable ({@code
   * /programs/%25…} decodes to a lone '%').
   */
  public static String instance(UriInfo uri) {
    if (uri == null) {
      return null;
    }
    try {
      return uri.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      // A target java.net.URI refuses (Vert.x lets a few such characters through): no instance
      // rather than a failing mapper.
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String path(JsonMappingException m) {
    if (m.getPath().isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static boolean isIntegral(Class<?> type) {
    return type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == java.math.BigInteger.class;
  }

  /** A rejected value as the client wrote it: strings quoted, so "24" and 24 read differently. */
  private static String json(Object value) {
    if (value instanceof String text) {
      String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
      return "\"" + shown + "\"";
    }
    return String.valueOf(value);
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    if (type.getSimpleName().contains("Date")) {
      return "date (YYYY-MM-DD)";
    }
    return "value";
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
