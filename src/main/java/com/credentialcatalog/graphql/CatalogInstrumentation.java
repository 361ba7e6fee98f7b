package com.credentialcatalog.graphql;

import com.credentialcatalog.observability.CatalogMetrics;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the catalog adds to every GraphQL execution: the bounds on depth, aliases, complexity and
 * expanded size measured with each fragment counted once ({@link DocumentCost}) before validation —
 * {@link DocumentGuard} applies them to POSTs already, this covers every other way in — an
 * execution deadline, errors in the catalog's form ({@link ErrorCodes}) — the validation and limit
 * errors graphql-java raises as much as the resolvers' failures — with 503 when an outage failed
 * the whole answer, and the latency of each query ({@code catalog.query.latency}, surface {@code
 * graphql}, operation the root field, or {@code multiple}).
 *
 * <p>It must come first in the chain: SmallRye's depth and complexity instrumentations walk the
 * document with its fragments expanded, which only a bounded document makes cheap.
 */
final class CatalogInstrumentation extends SimplePerformantInstrumentation {

  /** A field not resolved because the execution ran out of time. */
  static final class ExecutionTimeout extends RuntimeException {
    ExecutionTimeout(Duration timeout) {
      super(
          "The query took longer than "
              + timeout.toMillis()
              + " ms, the most allowed; the fields not resolved"
              + " by then are left out. Ask for less, or split it into several requests.",
          null,
          false,
          false);
    }
  }

  /** Per execution: when it must stop resolving fields, and the HTTP exchange it answers. */
  private record State(long deadlineNanos, RoutingContext exchange)
      implements InstrumentationState {}

  private final GraphqlConfig config;
  private final int maxDepth;
  private final int maxComplexity;
  private final CatalogMetrics metrics;

  CatalogInstrumentation(
      GraphqlConfig config, int maxDepth, int maxComplexity, CatalogMetrics metrics) {
    this.config = config;
    this.maxDepth = maxDepth;
    this.maxComplexity = maxComplexity;
    this.metrics = metrics;
  }

  @Override
  public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
    return new State(System.nanoTime() + config.executionTimeout().toNanos(), currentExchange());
  }

  /**
   * The HTTP exchange of this execution; graphql-java creates the state on the request's thread.
   */
  private static RoutingContext currentExchange() {
    try (InstanceHandle<CurrentVertxRequest> request =
        Arc.container().instance(CurrentVertxRequest.class)) {
      return request.isAvailable() ? request.get().getCurrent() : null;
    } catch (RuntimeException noRequestContext) {
      return null;
    }
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    DocumentCost.Measure m;
    try {
      m = DocumentCost.analyse(parameters.getDocument()).operation(parameters.getOperation());
    } catch (DocumentCost.Refusal refusal) {
      // Validation itself says what is wrong (a cycle, a bad value), without expanding anything.
      return SimpleInstrumentationContext.noOp();
    }
    if (m.depth() > maxDepth) {
      throw new AbortExecutionException(
          "maximum query depth exceeded " + m.depth() + " > " + maxDepth);
    }
    if (m.aliases() > config.maxAliases()) {
      throw new AbortExecutionException(
          "The query uses more than "
              + config.maxAliases()
              + " aliases, the most allowed. Split it into several requests.");
    }
    if (m.fields() > maxComplexity) {
      throw new AbortExecutionException(
          "maximum query complexity exceeded " + m.fields() + " > " + maxComplexity);
    }
    return SimpleInstrumentationContext.noOp();
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
    if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
      return SimpleInstrumentationContext.noOp();
    }
    Timer.Sample sample = metrics.start();
    String name = rootField(operation.getSelectionSet());
    return SimpleInstrumentationContext.whenCompleted(
        (result, failure) -> metrics.recordQuery(CatalogMetrics.GRAPHQL, name, sample));
  }

  /** The one field a query asks for at its root; a fixed set of names, as metric tags must be. */
  static String rootField(SelectionSet set) {
    List<Field> fields = set.getSelectionsOfType(Field.class);
    return fields.size() == 1 && set.getSelections().size() == 1
        ? fields.get(0).getName()
        : "multiple";
  }

  /**
   * Checks the deadline before each field is resolved: a resolver already running is not
   * interrupted, but no new one starts once the time is up, so the answer comes soon after.
   */
  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    if (!(state instanceof State s)) {
      return dataFetcher;
    }
    return environment -> {
      if (System.nanoTime() > s.deadlineNanos()) {
        throw new ExecutionTimeout(config.executionTimeout());
      }
      return dataFetcher.get(environment);
    };
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (result.getErrors().isEmpty()) {
      if (state instanceof State s && s.exchange() != null) {
        s.exchange().put(CachedAnswers.RESULT, result); // an answer the response cache may keep
      }
      return CompletableFuture.completedFuture(result);
    }
    List<GraphQLError> errors = new ArrayList<>();
    boolean timedOut = false;
    for (GraphQLError error : result.getErrors()) {
      if (consequenceOfAnother(error, result.getErrors())) {
        continue;
      }
      GraphQLError mapped = ErrorCodes.map(error);
      boolean timeout =
          mapped.getExtensions() != null && "time".equals(mapped.getExtensions().get("limit"));
      if (timeout && timedOut) {
        continue; // one timeout error says it all; every field left out would repeat it
      }
      timedOut |= timeout;
      errors.add(mapped);
    }
    if (state instanceof State s && s.exchange() != null && outage(result, errors)) {
      s.exchange().put(DocumentGuard.STATUS, 503);
    }
    return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
  }

  /**
   * Whether the database being unavailable failed the whole answer: every error says so and no root
   * field has data. Then the answer is 503 with Retry-After, as on REST, so that clients and
   * proxies retry; when some fields have data it stays 200 with the errors, as GraphQL answers
   * partial results.
   */
  static boolean outage(ExecutionResult result, List<GraphQLError> errors) {
    if (errors.isEmpty()
        || !errors.stream()
            .allMatch(
                e ->
                    e.getExtensions() != null
                        && ErrorCodes.SERVICE_UNAVAILABLE.equals(e.getExtensions().get("code")))) {
      return false;
    }
    Object data = result.getData();
    return data == null
        || data instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v == null);
  }

  /**
   * A non-null field left null because its resolver failed — with an argument it could not read,
   * say — is the failure's consequence, not a second failure: the client hears of the cause only.
   * Alone, it is a fault of the server and reported as one.
   */
  private static boolean consequenceOfAnother(GraphQLError error, List<GraphQLError> all) {
    return error.getErrorType() == ErrorType.NullValueInNonNullableField
        && all.stream().anyMatch(e -> e.getErrorType() != ErrorType.NullValueInNonNullableField);
  }
}
