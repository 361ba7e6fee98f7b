package com.credentialcatalog.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged app in the prod profile, with neither a datasource URL nor the opt-in flag. */
class ProdStartupIT {

  @Test
  void shouldFailFastSayingWhatToSetWhenNoDatabaseIsConfigured() throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    assertThat(jar).exists();
    Path log = Files.createTempFile("prod-startup", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("CATALOG_"));
    Process app = pb.start();
    try {
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits instead of serving").isTrue();
      assertThat(app.exitValue()).isNotZero();
      assertThat(Files.readString(log))
          .contains("QUARKUS_DATASOURCE_JDBC_URL")
          .contains("-Dcatalog.embedded-postgres.enabled=true");
    } finally {
      app.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }
}
