package com.credentialcatalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The catalog's own settings ({@code catalog.*}); the README lists each with its default. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

  /** Seeding of the catalog from the bundled guide data. */
  Seed seed();

  /** The embedded PostgreSQL used when no datasource URL is configured. */
  EmbeddedPostgres embeddedPostgres();

  /** Per-client request rate limits. */
  RateLimit rateLimit();

  /** Rate-limit settings: a token bucket per client (token subject, else IP address). */
  interface RateLimit {
    /**
     * Whether requests to /api/v1 and /graphql are rate limited (one bucket per client for both).
     */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per minute per client; also the burst a full bucket allows. */
    @WithDefault("600")
    int requestsPerMinute();

    /**
     * Fields (counted with fragments expanded) a GraphQL document may ask for at the price of one
     * request: a document costs ⌈fields / this⌉ requests, at least 1, at most a full bucket.
     */
    @WithDefault("10")
    int graphqlFieldsPerRequest();

    /** How many distinct clients are tracked before idle ones are forgotten. */
    @WithDefault("100000")
    int maxClients();
  }

  /** The read model (README "Read model"). */
  ReadModel readModel();

  /** Read-model settings. */
  interface ReadModel {
    /**
     * Re-derive the whole read model at start-up, before the first request: for databases loaded
     * with plain SQL and triggers off (bulk loads, benchmark generators). Writes through the
     * service keep it current by themselves, so this is off by default.
     */
    @WithDefault("false")
    boolean rebuildOnStart();
  }

  /** Page cursors. */
  Cursor cursor();

  /** Cursor settings. */
  interface Cursor {
    /**
     * The secret page cursors are sealed with (HMAC-SHA256), so a tampered cursor is refused
     * instead of returning another page. Every replica of a deployment must have the same one, or a
     * cursor from one replica is refused by the next; without it each JVM generates its own at
     * start-up (a warning is logged). Dev and test use a committed, dev-only value.
     */
    Optional<String> secret();
  }

  /** The in-memory cache of read answers. */
  Cache cache();

  /** Cache settings. */
  interface Cache {
    /**
     * Answers kept per replica (LRU); 0 turns the cache off. Entries are keyed by catalog revision.
     */
    @WithDefault("500")
    int maxEntries();
  }

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
