package com.credentialcatalog.graphql;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * GraphiQL opens with an example query instead of an empty editor. The UI takes its initial query
 * from {@code ?query=} and Quarkus has no setting for it, so a visit to the bare UI page is
 * redirected to the page with the example ({@code examples/graphql/find-programs.graphql}, the
 * operation CI generates TypeScript types for) in that parameter. A visit with any parameter (a
 * shared link, the query being edited) is left alone.
 */
@ApplicationScoped
public class GraphiqlDefaultQuery {

  static final String EXAMPLE = "examples/graphql/find-programs.graphql";
  private static final String UI = "/q/graphql-ui";
  // Before the UI's own route; after RequestIds (10 000), so the redirect carries a request id.
  private static final int PRIORITY = 9_000;

  private static final String SEEN = GraphiqlDefaultQuery.class.getName();

  private final String location;

  public GraphiqlDefaultQuery() {
    this.location =
        UI + "/?query=" + URLEncoder.encode(example(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  void register(@Observes Filters filters) {
    filters.register(this::redirect, PRIORITY);
  }

  void redirect(RoutingContext rc) {
    String path = rc.request().path();
    // The UI reroutes to its index page without the query: only the client's own request counts.
    boolean seen = rc.get(SEEN) != null;
    rc.put(SEEN, Boolean.TRUE);
    if (!seen
        && "GET".equals(rc.request().method().name())
        && !rc.request().uri().contains("?")
        && (UI.equals(path) || (UI + "/").equals(path))) {
      rc.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
      return;
    }
    rc.next();
  }

  private static String example() {
    try (InputStream in =
        GraphiqlDefaultQuery.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(EXAMPLE + " is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
