package com.credentialcatalog.rest;

import com.credentialcatalog.rest.problem.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Requests the HTTP decoder itself refuses (a NUL or control character in a header, a malformed
 * request line such as an unencoded '%', a request line or headers beyond the decoder's limits)
 * never reach a route: Vert.x answers them from its "invalid request" handler with a bare status
 * and no body. This installs a handler that answers the same status with a problem document.
 *
 * <p>Neither Quarkus nor Vert.x 4.5 lets an application set that handler on the server Quarkus
 * creates, and Vert.x copies it into each listening worker when the server starts; so it is set
 * there, after start, through Vert.x internals. That is deliberate and contained: any mismatch
 * (another Vert.x version) is logged once and leaves Vert.x' own behaviour, bare statuses, in
 * place; {@code HostileInputTest} fails if the handler stops being installed.
 */
@ApplicationScoped
public class InvalidRequests {

  private static final Logger LOG = Logger.getLogger(InvalidRequests.class);

  private final Vertx vertx;
  private final ObjectMapper mapper;

  public InvalidRequests(Vertx vertx, ObjectMapper mapper) {
    this.vertx = vertx;
    this.mapper = mapper;
  }

  // Fired asynchronously once per listening verticle, after it listens; patching is idempotent.
  void install(@ObservesAsync HttpServerStart started) {
    int patched = 0;
    try {
      for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
        Object balancer = read(server, "channelBalancer");
        Map<?, ?> workerMap = (Map<?, ?>) read(balancer, "workerMap");
        for (Object workerList : workerMap.values()) {
          for (Object worker : (Collection<?>) read(workerList, "list")) {
            patched += patchWorker(worker);
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warnf(
          "Requests refused by the HTTP decoder keep Vert.x' bare answers (no problem body): %s",
          e);
      return;
    }
    LOG.debugf("Problem bodies for requests refused by the HTTP decoder: %d workers", patched);
    if (patched == 0) {
      LOG.warn("Requests refused by the HTTP decoder keep Vert.x' bare answers: no worker found");
    }
  }

  /** A worker is a lambda over the verticle's server; its child handler holds the handlers. */
  private int patchWorker(Object worker) throws ReflectiveOperationException {
    int patched = 0;
    for (Field captured : worker.getClass().getDeclaredFields()) {
      captured.setAccessible(true);
      Object server = captured.get(worker);
      if (server == null || !hasField(server.getClass(), "childHandler")) {
        continue;
      }
      Object child = read(server, "childHandler");
      Object connectionHandler = child == null ? null : read(child, "connectionHandler");
      if (connectionHandler != null
          && hasField(connectionHandler.getClass(), "invalidRequestHandler")) {
        Field invalid = field(connectionHandler.getClass(), "invalidRequestHandler");
        invalid.set(connectionHandler, (Handler<HttpServerRequest>) this::answer);
        // Quarkus' own first handler answers a target java.net.URI cannot parse (an unencoded
        // '%', '{' or '|') with a bare 400; check it the same way first, with a problem body.
        Field requests = field(connectionHandler.getClass(), "requestHandler");
        Object current = requests.get(connectionHandler);
        if (current instanceof Handler<?> delegate && !(current instanceof UriCheck)) {
          @SuppressWarnings("unchecked")
          Handler<HttpServerRequest> next = (Handler<HttpServerRequest>) delegate;
          requests.set(connectionHandler, new UriCheck(next));
        }
        patched++;
      }
    }
    return patched;
  }

  /** Passes requests with a parseable target on; answers the others with a problem. */
  private final class UriCheck implements Handler<HttpServerRequest> {
    private final Handler<HttpServerRequest> next;

    UriCheck(Handler<HttpServerRequest> next) {
      this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
      try {
        new java.net.URI(request.uri());
      } catch (java.net.URISyntaxException | RuntimeException e) {
        answer(request);
        return;
      }
      next.handle(request);
    }
  }

  void answer(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    int status;
    String type;
    String title;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      type = "uri-too-long";
      title = "URI Too Long";
      detail =
          "The request URI is longer than this server reads; send long inputs in a request body";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      type = "request-header-fields-too-large";
      title = "Request Header Fields Too Large";
      detail = "The request headers are larger than this server reads";
    } else {
      status = 400;
      type = "malformed-request";
      title = "Malformed Request";
      detail =
          "The request is not valid HTTP: a header value holds a character HTTP does not allow"
              + " (NUL or another control character), or the request line is malformed (a space, '%',"
              + " '{' or '[' must be percent-encoded in a URI)";
    }
    String body;
    try {
      body =
          mapper.writeValueAsString(
              new Problem("/problems/" + type, title, status, detail, null, null));
    } catch (Exception e) {
      body = "{\"type\":\"/problems/" + type + "\",\"status\":" + status + "}";
    }
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body)
        .onComplete(done -> request.connection().close());
  }

  private static Object read(Object target, String name) throws ReflectiveOperationException {
    return field(target.getClass(), name).get(target);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  private static boolean hasField(Class<?> type, String name) {
    try {
      field(type, name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }
}
