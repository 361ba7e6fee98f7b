package com.credentialcatalog.graphql;

import com.credentialcatalog.observability.CatalogMetrics;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds {@link CatalogInstrumentation} to the graphql-java engine SmallRye builds, before the
 * instrumentations SmallRye configured (query depth, complexity, its document cache), which stay:
 * the catalog's bounds, fragments counted once, must refuse a fragment blow-up before SmallRye's
 * checks walk it expanded. SmallRye offers the builder as a CDI event ({@code
 * quarkus.smallrye-graphql.events.enabled}) but no way to add an instrumentation: the one it set is
 * read from the builder and chained.
 */
@ApplicationScoped
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true, methods = false)
public class GraphqlEngine {

  private final GraphqlConfig config;
  private final CatalogMetrics metrics;
  private final int maxDepth;
  private final int maxComplexity;

  /** The schema of the engine SmallRye built; null until it has built one. */
  private volatile GraphQLSchema schema;

  public GraphqlEngine(
      GraphqlConfig config,
      CatalogMetrics metrics,
      @ConfigProperty(
              name = "quarkus.smallrye-graphql.instrumentation-query-depth",
              defaultValue = "20")
          int maxDepth,
      @ConfigProperty(
              name = "quarkus.smallrye-graphql.instrumentation-query-complexity",
              defaultValue = "1000")
          int maxComplexity) {
    this.config = config;
    this.metrics = metrics;
    this.maxDepth = maxDepth;
    this.maxComplexity = maxComplexity;
  }

  void configure(@Observes GraphQL.Builder builder) {
    List<Instrumentation> chain = new ArrayList<>();
    // First, so it sees SmallRye's own field fetchers before any other instrumentation wraps them
    // (it only replaces fetchers; the document checks below run in their order regardless).
    chain.add(new PlainFieldFetchers());
    chain.add(new CatalogInstrumentation(config, maxDepth, maxComplexity, metrics));
    Instrumentation configured = configuredInstrumentation(builder);
    if (configured != null) {
      chain.add(configured);
    }
    builder.instrumentation(new ChainedInstrumentation(chain));
    schema = (GraphQLSchema) builderField(builder, "graphQLSchema");
  }

  /** The schema requests are executed against; null before SmallRye built the engine. */
  GraphQLSchema schema() {
    return schema;
  }

  private static Instrumentation configuredInstrumentation(GraphQL.Builder builder) {
    // Without it the depth and complexity bounds would silently disappear: refuse to start.
    return (Instrumentation) builderField(builder, "instrumentation");
  }

  private static Object builderField(GraphQL.Builder builder, String name) {
    try {
      Field field = GraphQL.Builder.class.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(builder);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the GraphQL engine's " + name, e);
    }
  }
}
