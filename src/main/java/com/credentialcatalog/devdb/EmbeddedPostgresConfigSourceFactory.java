package com.credentialcatalog.devdb;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ImageMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource URL and username of the embedded PostgreSQL when no datasource URL is
 * configured anywhere and {@code catalog.embedded-postgres.enabled} is true (the default in the dev
 * and test profiles; the packaged app opts in with {@code
 * -Dcatalog.embedded-postgres.enabled=true}).
 *
 * <p>Registered through ServiceLoader so it works in dev mode, {@code @QuarkusTest} and the
 * packaged app alike. Quarkus also reads config during the build, when the execution mode is not
 * yet set, and a native build runs static initialisation inside the image builder: then the source
 * answers nothing and starts nothing. A native executable never starts the embedded server (its
 * binaries are not in the image): there the flag only changes the message that asks for a
 * datasource URL.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

  static final String URL = "quarkus.datasource.jdbc.url";
  static final String USERNAME = "quarkus.datasource.username";
  static final String ENABLED = "catalog.embedded-postgres.enabled";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (isSet(context.getValue(URL))) {
      return List.of();
    }
    ConfigValue enabled = context.getValue(ENABLED);
    if (enabled == null || !Boolean.parseBoolean(enabled.getValue())) {
      return List.of(new MissingDatasourceSource(MissingDatasourceSource.NO_DATABASE));
    }
    if (ImageMode.current() == ImageMode.NATIVE_RUN) {
      return List.of(new MissingDatasourceSource(MissingDatasourceSource.NOT_IN_NATIVE));
    }
    return List.of(new EmbeddedPostgresConfigSource());
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(50);
  }

  private static boolean isSet(ConfigValue value) {
    return value != null && value.getValue() != null && !value.getValue().isBlank();
  }

  private static boolean atRuntime() {
    return ImageMode.current() != ImageMode.NATIVE_BUILD
        && ExecutionMode.current() != ExecutionMode.UNSET;
  }

  /** Lazily starts the server on the first runtime lookup of the URL or username. */
  static final class EmbeddedPostgresConfigSource implements ConfigSource {
    @Override
    public Set<String> getPropertyNames() {
      // Quarkus only asks for properties a source lists: without the username here it never asks.
      return atRuntime() ? Set.of(URL, USERNAME) : Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
      if (!atRuntime() || !(URL.equals(propertyName) || USERNAME.equals(propertyName))) {
        return null;
      }
      return URL.equals(propertyName)
          ? EmbeddedPostgres.jdbcUrlOfRunningOrNew()
          : EmbeddedPostgres.USER;
    }

    @Override
    public int getOrdinal() {
      // Below every real source: anything the user configures wins.
      return 10;
    }

    @Override
    public String getName() {
      return "EmbeddedPostgresConfigSource";
    }
  }

  /**
   * In the prod profile with neither a datasource URL nor the opt-in flag, fails start-up with a
   * message that says what to set, instead of a datasource error deep in Hibernate.
   */
  static final class MissingDatasourceSource implements ConfigSource {
    static final String NO_DATABASE =
        "No database configured. Set QUARKUS_DATASOURCE_JDBC_URL "
            + "(with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD) to use a PostgreSQL "
            + "server, or start with -Dcatalog.embedded-postgres.enabled=true for a throw-away "
            + "embedded one.";
    static final String NOT_IN_NATIVE =
        "No database configured, and a native executable cannot "
            + "start the embedded PostgreSQL (catalog.embedded-postgres.enabled is for the JVM: dev "
            + "mode, tests, the jar). Set QUARKUS_DATASOURCE_JDBC_URL (with "
            + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD).";

    private final String message;

    MissingDatasourceSource(String message) {
      this.message = message;
    }

    @Override
    public Set<String> getPropertyNames() {
      return atRuntime() ? Set.of(URL) : Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
      if (!atRuntime() || !URL.equals(propertyName)) {
        return null;
      }
      throw new IllegalStateException(message);
    }

    @Override
    public int getOrdinal() {
      return 10;
    }

    @Override
    public String getName() {
      return "MissingDatasourceSource";
    }
  }
}
