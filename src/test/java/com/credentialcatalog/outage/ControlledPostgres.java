package com.credentialcatalog.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server of the test's own (Debian's binaries), which a test may stop, start and
 * hurt while the application runs on it. Its location is passed in system properties so that the
 * test, loaded by another class loader than this manager, can reach it through the static methods.
 * As root the server runs as the {@code postgres} user, as the embedded one does.
 */
public class ControlledPostgres implements QuarkusTestResourceLifecycleManager {

  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String DATA_DIR = "credentialcatalog.outage.pgdata";
  private static final String PORT = "credentialcatalog.outage.port";

  @Override
  public Map<String, String> start() {
    try {
      Path base = Files.createTempDirectory("catalog-outage-pg-");
      Path data = base.resolve("data");
      int port = freePort();
      if (isRoot()) {
        run("chown", "postgres:postgres", base.toString());
      }
      run(
          asServerUser(
                  BIN.resolve("initdb").toString(),
                  "-D",
                  data.toString(),
                  "-U",
                  "postgres",
                  "-A",
                  "trust",
                  "-E",
                  "UTF8",
                  "--locale=C.UTF-8",
                  "--no-sync")
              .toArray(String[]::new));
      System.setProperty(DATA_DIR, data.toString());
      System.setProperty(PORT, Integer.toString(port));
      startServer();
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("CREATE ROLE catalog LOGIN PASSWORD 'catalog'");
        s.execute("CREATE DATABASE catalog OWNER catalog");
      }
      return Map.of(
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/catalog",
          "quarkus.datasource.username", "catalog",
          "quarkus.datasource.password", "catalog");
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test's own PostgreSQL", e);
    }
  }

  @Override
  public void stop() {
    String data = System.getProperty(DATA_DIR);
    if (data == null) {
      return;
    }
    try {
      stopServer();
    } catch (Exception ignored) {
      // Already stopped by the test.
    }
    try (Stream<Path> files = Files.walk(Path.of(data).getParent())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary directory is harmless.
    }
  }

  /** Starts the server and waits until it accepts connections. */
  static void startServer() throws IOException {
    Path data = Path.of(System.getProperty(DATA_DIR));
    run(
        asServerUser(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                data.resolveSibling("postgres.log").toString(),
                "-o",
                "-p " + port() + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off",
                "start")
            .toArray(String[]::new));
  }

  /** Stops the server as an operator would for maintenance (fast: sessions are terminated). */
  static void stopServer() throws IOException {
    Path data = Path.of(System.getProperty(DATA_DIR));
    run(
        asServerUser(
                BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop")
            .toArray(String[]::new));
  }

  /** Kills one server process of the application's pool with SIGKILL, as the OOM killer would. */
  static long killOneApplicationBackend() throws Exception {
    long pid;
    try (Connection c = admin();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = 'catalog'"
                    + " AND usename = 'catalog' AND application_name NOT LIKE '%readiness%' LIMIT 1")) {
      if (!rs.next()) {
        throw new IllegalStateException("The application holds no connection to kill");
      }
      pid = rs.getLong(1);
    }
    run("kill", "-9", Long.toString(pid));
    return pid;
  }

  static Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", "");
  }

  private static int port() {
    return Integer.parseInt(System.getProperty(PORT));
  }

  private static List<String> asServerUser(String... command) {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      // PostgreSQL refuses to run as root.
      cmd.addAll(
          List.of(
              "/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--"));
    }
    cmd.addAll(List.of(command));
    return cmd;
  }

  private static void run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      boolean done = p.waitFor(90, TimeUnit.SECONDS);
      String output = new String(p.getInputStream().readAllBytes());
      if (!done || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("Failed: " + String.join(" ", command) + "\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
