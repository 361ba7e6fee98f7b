package com.credentialcatalog.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Bounds of the GraphQL adapter the catalog adds ({@code catalog.graphql.*}). Depth, complexity and
 * tokens are SmallRye's: {@code quarkus.smallrye-graphql.instrumentation-query-depth}, {@code
 * …-complexity} and {@code quarkus.smallrye-graphql.parser-max-tokens}; {@link DocumentGuard}
 * applies them, fragments counted once, before graphql-java sees the document.
 */
@ConfigMapping(prefix = "catalog.graphql")
public interface GraphqlConfig {

  /**
   * Aliased fields an operation may have, fragments expanded; more is refused with
   * QUERY_TOO_COMPLEX.
   */
  @WithDefault("100")
  int maxAliases();

  /**
   * Fields a whole document may hold once every fragment spread is expanded, over all its
   * operations and fragments (what validation walks); more is refused with QUERY_TOO_COMPLEX.
   */
  @WithDefault("10000")
  int maxExpandedFields();

  /** Time a document may take to parse; longer is refused with QUERY_TOO_COMPLEX. */
  @WithDefault("500ms")
  Duration parseTimeout();

  /**
   * Time from the start of an execution (validation included) after which no further field is
   * resolved: the fields not yet resolved get QUERY_TOO_COMPLEX with {@code limit: time}.
   */
  @WithDefault("1s")
  Duration executionTimeout();

  /**
   * Whether reads that only select plain fields of programs and their nested data are answered by
   * {@link DirectReads} instead of graphql-java's field-by-field execution (same answers, a
   * fraction of the CPU). Off sends every document through graphql-java.
   */
  @WithDefault("true")
  boolean directReads();

  /** Persisted queries (README "Persisted GraphQL queries"). */
  PersistedQueryRegistry persistedQueries();

  /**
   * Whether only trusted documents run: those of {@link #trustedDocumentsDirectory()}, by hash or
   * in full. Clients cannot register documents then, and any other document is refused with
   * PERSISTED_QUERY_NOT_IN_LIST. Off by default: any document within the bounds runs.
   */
  @WithDefault("false")
  boolean trustedDocumentsOnly();

  /**
   * A directory whose {@code *.graphql} files are registered as trusted documents at start-up, each
   * under the SHA-256 of its exact text (UTF-8): the build of a front-end writes its operations
   * there, and sends their hashes.
   */
  Optional<Path> trustedDocumentsDirectory();

  /** Bounds of the registry of persisted documents. */
  interface PersistedQueryRegistry {
    /**
     * Documents clients may register by the automatic persisted queries protocol, over all replicas
     * (the table {@code persisted_query}). Beyond it a document sent with its hash still runs, but
     * is not registered: the client keeps sending it in full.
     */
    @WithDefault("10000")
    int maxEntries();

    /** Documents each replica keeps in memory, so that a hit costs no database lookup. */
    @WithDefault("1000")
    int cachedEntries();

    /**
     * How long a replica keeps a document in memory before reading it again: the longest another
     * replica runs a trusted document after an administrator deleted it (the replica that deleted
     * it forgets it at once).
     */
    @WithDefault("10s")
    Duration cachedFor();
  }
}
