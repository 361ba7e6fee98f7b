package com.credentialcatalog.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a partner would run one: it records every request and answers
 * 204, or 503 while told to fail.
 */
final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  record Request(String id, String timestamp, String signature, String body, boolean acked) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger ackedCount = new AtomicInteger();
  private volatile boolean failing;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean fail = failing || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          var h = exchange.getRequestHeaders();
          synchronized (requests) {
            requests.add(
                new Request(
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    body,
                    !fail));
          }
          if (!fail) {
            ackedCount.incrementAndGet();
          }
          exchange.sendResponseHeaders(fail ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next {@code n} requests are answered 503. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  /** Every request is answered 503 until {@link #recover()}. */
  void failAlways() {
    failing = true;
  }

  void recover() {
    failing = false;
    failuresLeft.set(0);
  }

  List<Request> all() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests answered 2xx, in arrival order. */
  List<Request> acked() {
    return all().stream().filter(Request::acked).toList();
  }

  /**
   * How many requests were answered 2xx: a counter, so a load test that watches it does not copy
   * every request each time it looks.
   */
  int ackedCount() {
    return ackedCount.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
