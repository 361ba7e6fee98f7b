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
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the catalog adds to every GraphQL execution: a bound on aliases (next to SmallRye's bounds
 * on depth, complexity and tokens), errors in the catalog's form ({@link ErrorCodes}) — the
 * validation and limit errors graphql-java raises as much as the resolvers' failures — and the
 * latency of each query ({@code catalog.query.latency}, surface {@code graphql}, operation the
 * root field, or {@code multiple}).
 */
final class CatalogInstrumentation extends SimplePerformantInstrumentation {

  private final int maxAliases;
  private final CatalogMetrics metrics;

  CatalogInstrumentation(int maxAliases, CatalogMetrics metrics) {
    this.maxAliases = maxAliases;
    this.metrics = metrics;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    var context = parameters.getExecutionContext();
    OperationDefinition operation = context.getOperationDefinition();
    int aliases = aliases(operation.getSelectionSet(), context.getFragmentsByName(), new int[] {0});
    if (aliases > maxAliases) {
      throw new AbortExecutionException("The query uses more than " + maxAliases
          + " aliases, the most allowed. Split it into several requests.");
    }
    if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
      return SimpleInstrumentationContext.noOp();
    }
    Timer.Sample sample = metrics.start();
    String name = rootField(operation.getSelectionSet());
    return SimpleInstrumentationContext.whenCompleted((result, failure) ->
        metrics.recordQuery(CatalogMetrics.GRAPHQL, name, sample));
  }

  /** The one field a query asks for at its root; a fixed set of names, as metric tags must be. */
  private static String rootField(SelectionSet set) {
    List<Field> fields = set.getSelectionsOfType(Field.class);
    return fields.size() == 1 && set.getSelections().size() == 1 ? fields.get(0).getName() : "multiple";
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    if (result.getErrors().isEmpty()) {
      return CompletableFuture.completedFuture(result);
    }
    List<GraphQLError> errors = result.getErrors().stream()
        .filter(e -> !consequenceOfAnother(e, result.getErrors()))
        .map(ErrorCodes::map)
        .toList();
    return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
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

  /**
   * Counts aliased fields with fragments expanded where they are spread; stops counting past the
   * bound (the document is valid here, so fragments do not cycle, but they can multiply).
   */
  private int aliases(SelectionSet set, Map<String, FragmentDefinition> fragments, int[] seen) {
    if (set == null) {
      return seen[0];
    }
    for (Selection<?> selection : set.getSelections()) {
      if (seen[0] > maxAliases) {
        return seen[0];
      }
      if (selection instanceof Field field) {
        if (field.getAlias() != null) {
          seen[0]++;
        }
        aliases(field.getSelectionSet(), fragments, seen);
      } else if (selection instanceof InlineFragment inline) {
        aliases(inline.getSelectionSet(), fragments, seen);
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        if (fragment != null) {
          aliases(fragment.getSelectionSet(), fragments, seen);
        }
      }
    }
    return seen[0];
  }
}
