package com.credentialcatalog.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds of the GraphQL adapter the catalog adds ({@code catalog.graphql.*}). Depth, complexity
 * and tokens are SmallRye's: {@code quarkus.smallrye-graphql.instrumentation-query-depth},
 * {@code …-complexity} and {@code quarkus.smallrye-graphql.parser-max-tokens}.
 */
@ConfigMapping(prefix = "catalog.graphql")
public interface GraphqlConfig {

  /** Aliased fields an operation may have, fragments expanded; more is refused with QUERY_TOO_COMPLEX. */
  @WithDefault("100")
  int maxAliases();
}
