package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.observability.CatalogMetrics;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's own line of defence, for documents that reach graphql-java without passing {@link
 * DocumentGuard} (any way in but POST): fragments are counted once before SmallRye's expanding
 * checks run, and no field is resolved after the execution deadline.
 */
class CatalogInstrumentationTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private final GraphQL engine =
      GraphQL.newGraphQL(schema())
          .instrumentation(
              new ChainedInstrumentation(
                  List.of(
                      new CatalogInstrumentation(
                          config(), 20, 1000, new CatalogMetrics(new SimpleMeterRegistry())),
                      new MaxQueryDepthInstrumentation(20),
                      new MaxQueryComplexityInstrumentation(1000))))
          .build();

  @Test
  void shouldRefuseAFragmentBlowUpBeforeTheExpandingChecksWalkIt() {
    long start = System.nanoTime();
    ExecutionResult result = engine.execute(GraphqlHostileInputTest.fragmentBlowUp(39));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(result.getErrors())
        .extracting(e -> e.getExtensions().get("code"))
        .containsExactly("QUERY_TOO_COMPLEX");
    assertThat(result.getErrors().get(0).getExtensions()).containsEntry("limit", "complexity");
  }

  @Test
  void shouldStopResolvingFieldsAtTheDeadlineAndSaySoOnce() {
    long start = System.nanoTime();
    ExecutionResult result = engine.execute("{ a: slow b: slow c: slow d: slow e: slow f: slow }");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(TIMEOUT.plus(Duration.ofMillis(400)));
    List<GraphQLError> errors = result.getErrors();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getExtensions())
        .containsEntry("code", "QUERY_TOO_COMPLEX")
        .containsEntry("limit", "time");
    Map<String, Object> data = result.getData();
    assertThat(data.values().stream().filter(v -> v != null).count()).isBetween(1L, 3L);
  }

  @Test
  void shouldAnswerADatabaseOutageAsServiceUnavailableAnd503OnlyWhenNothingElseWorked() {
    ExecutionResult down = engine.execute("{ a: down b: down }");
    assertThat(down.getErrors())
        .extracting(e -> e.getExtensions().get("code"))
        .containsExactly("SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE");
    assertThat(down.getErrors().get(0).getMessage())
        .contains("retry")
        .doesNotContain("SQL", "57P01", "terminating");
    assertThat(CatalogInstrumentation.outage(down, down.getErrors()))
        .as("503 for a total outage")
        .isTrue();

    ExecutionResult partial = engine.execute("{ down program(slug: \"ccxp\") { slug } }");
    assertThat(partial.getErrors())
        .extracting(e -> e.getExtensions().get("code"))
        .containsExactly("SERVICE_UNAVAILABLE");
    assertThat(CatalogInstrumentation.outage(partial, partial.getErrors()))
        .as("200 with some data")
        .isFalse();
  }

  private static GraphQLSchema schema() {
    String sdl =
        """
        type Query { program(slug: String): Program slow: String down: String }
        type Program { slug: String name: String next: Program }
        """;
    DataFetcher<String> slow =
        env -> {
          Thread.sleep(150);
          return "done";
        };
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .type(
                "Query",
                t ->
                    t.dataFetcher("slow", slow)
                        .dataFetcher("program", env -> Map.of("slug", "ccxp"))
                        .dataFetcher(
                            "down",
                            env -> {
                              // What service/CatalogRevision throws when PostgreSQL is shutting
                              // down.
                              throw new IllegalStateException(
                                  new SQLException(
                                      "terminating connection due to administrator command",
                                      "57P01"));
                            }))
            .build();
    return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
  }

  private static GraphqlConfig config() {
    return new GraphqlConfig() {
      @Override
      public int maxAliases() {
        return 100;
      }

      @Override
      public int maxExpandedFields() {
        return 10_000;
      }

      @Override
      public Duration parseTimeout() {
        return Duration.ofMillis(500);
      }

      @Override
      public Duration executionTimeout() {
        return TIMEOUT;
      }

      @Override
      public boolean directReads() {
        return false;
      }

      @Override
      public PersistedQueryRegistry persistedQueries() {
        throw new UnsupportedOperationException("not read by the instrumentation");
      }

      @Override
      public boolean trustedDocumentsOnly() {
        return false;
      }

      @Override
      public java.util.Optional<java.nio.file.Path> trustedDocumentsDirectory() {
        return java.util.Optional.empty();
      }
    };
  }
}
