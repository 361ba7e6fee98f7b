package com.credentialcatalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The catalog's own settings ({@code catalog.*}); the README lists each with its default. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

  /** Seeding of the catalog from the bundled guide data. */
  Seed seed();

  /** The embedded PostgreSQL used when no datasource URL is configured. */
  EmbeddedPostgres embeddedPostgres();

  /** Seeding settings. */
  interface Seed {
    /** Import {@code seed/catalog.json} at start-up when the catalog has no provider yet. */
    @WithDefault("true")
    boolean enabled();

    /** Class-path location of the seed document. */
    @WithDefault("seed/catalog.json")
    String location();
  }

  /** Embedded database settings; read before CDI starts, declared here for documentation. */
  interface EmbeddedPostgres {
    /**
     * Start a throw-away PostgreSQL when {@code quarkus.datasource.jdbc.url} is not set. On in dev
     * and test, off in prod unless {@code -Dcatalog.embedded-postgres.enabled=true}.
     */
    @WithDefault("false")
    boolean enabled();
  }
}
