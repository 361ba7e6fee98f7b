package com.credentialcatalog.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tests run on the embedded server unless a URL is given. As root it must still run PostgreSQL,
 * which refuses root: the server processes then belong to an unprivileged user.
 */
@QuarkusTest
class EmbeddedPostgresTest {

  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @Test
  void shouldRunARealPostgresServerOnLoopback() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select current_setting('server_version_num')::int, inet_server_addr()::text")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
      if (embedded()) {
        assertThat(rs.getInt(1))
            .as("embedded PostgreSQL 16 or newer")
            .isGreaterThanOrEqualTo(160000);
        assertThat(rs.getString(2)).startsWith("127.0.0.1");
      }
    }
  }

  @Test
  void shouldRunTheServerAsAnUnprivilegedUserEvenWhenTheJvmIsRoot() throws Exception {
    assumeTrue(embedded(), "runs only when the tests use the embedded server");
    long backendPid;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      backendPid = rs.getLong(1);
    }
    int serverUid = uidOf(backendPid);
    int jvmUid = uidOf(ProcessHandle.current().pid());
    assertThat(serverUid).as("PostgreSQL never runs as root").isNotZero();
    if (jvmUid != 0) {
      assertThat(serverUid).isEqualTo(jvmUid);
    }
    // The server is a descendant of this JVM, so it dies with it (parent-death signal).
    long server = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).orElseThrow().pid();
    assertThat(ProcessHandle.of(server).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
        .contains(ProcessHandle.current().pid());
  }

  private boolean embedded() {
    return System.getProperty("credentialcatalog.devdb.running-url", "").equals(url);
  }

  private static int uidOf(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith("Uid:"))
        .map(l -> Integer.parseInt(l.split("\\s+")[1]))
        .findFirst()
        .orElseThrow();
  }
}
