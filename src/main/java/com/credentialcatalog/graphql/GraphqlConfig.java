package com.credentialcatalog.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
}
