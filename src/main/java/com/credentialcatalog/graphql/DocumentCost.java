package com.credentialcatalog.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GraphQL document costs once its fragments are expanded, computed without expanding them:
 * each fragment definition is measured once and a spread adds (multiplies in) that measure, so
 * {@code fragment G1 on Program { ...G0 ...G0 }} … {@code G39} costs 40 small steps, not 2^40.
 * Counts saturate at {@link #SATURATED} rather than overflow.
 *
 * <p>graphql-java's own depth and complexity checks, and the alias bound of {@link
 * CatalogInstrumentation} before this class existed, walk the expanded tree; they stay, but only
 * ever see documents this measure has already bounded.
 */
final class DocumentCost {

  /** Where counts stop growing: far above any limit, far below overflow. */
  static final long SATURATED = 1L << 40;

  /**
   * The measure of a document or of one of its operations.
   *
   * @param fields fields once fragments are expanded (graphql-java's complexity counts the same)
   * @param aliases aliased fields once fragments are expanded
   * @param depth the deepest nesting of fields, the root fields being at depth 1
   */
  record Measure(long fields, long aliases, int depth) {
    static final Measure ZERO = new Measure(0, 0, 0);

    Measure plus(Measure other) {
      return new Measure(
          add(fields, other.fields), add(aliases, other.aliases), Math.max(depth, other.depth));
    }
  }

  /**
   * A document that cannot be measured because it is invalid in a way that would make it unbounded.
   */
  static final class Refusal extends RuntimeException {
    private final transient List<SourceLocation> locations;
    private final String code;
    private final String argument;

    Refusal(String message, SourceLocation location, String code, String argument) {
      super(message, null, false, false);
      this.locations = location == null ? List.of() : List.of(location);
      this.code = code;
      this.argument = argument;
    }

    String code() {
      return code;
    }

    CatalogError toError() {
      return new CatalogError(
          getMessage(),
          locations,
          null,
          code,
          argument == null ? null : Map.of("argument", argument));
    }
  }

  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Measure> measured = new HashMap<>();

  /** Fragments being measured: meeting one again is a cycle. */
  private final Map<String, Boolean> inProgress = new HashMap<>();

  private DocumentCost(Document document) {
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof FragmentDefinition fragment) {
        fragments.putIfAbsent(fragment.getName(), fragment);
      }
    }
  }

  /**
   * The measure of each operation of a document, by operation (first operation first), and the
   * total over the whole document (every operation and every fragment definition).
   *
   * @throws Refusal for a fragment cycle or a string argument holding a NUL character
   */
  static Analysis analyse(Document document) {
    DocumentCost cost = new DocumentCost(document);
    Map<String, Measure> operations = new java.util.LinkedHashMap<>();
    Map<String, OperationDefinition.Operation> kinds = new HashMap<>();
    Measure total = Measure.ZERO;
    int unnamed = 0;
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof OperationDefinition operation) {
        Measure m = cost.selections(operation.getSelectionSet());
        String name = operation.getName() != null ? operation.getName() : "#" + unnamed++;
        operations.putIfAbsent(name, m);
        kinds.putIfAbsent(name, operation.getOperation());
        total = total.plus(m);
      } else if (definition instanceof FragmentDefinition fragment) {
        total = total.plus(cost.fragment(fragment.getName(), fragment.getSourceLocation()));
      }
    }
    return new Analysis(operations, total, kinds);
  }

  /**
   * The measures of a document: per operation, and over everything validation will look at; and
   * what kind each operation is.
   */
  record Analysis(
      Map<String, Measure> operations,
      Measure total,
      Map<String, OperationDefinition.Operation> kinds) {

    /**
     * Whether the request only reads: the named operation is a query, or, without a name the
     * document has, every operation is.
     */
    boolean readOnly(String operationName) {
      OperationDefinition.Operation kind = operationName == null ? null : kinds.get(operationName);
      if (kind != null) {
        return kind == OperationDefinition.Operation.QUERY;
      }
      return kinds.values().stream().allMatch(k -> k == OperationDefinition.Operation.QUERY);
    }

    /**
     * The operation the request will run: the named one, else the only one; the largest when
     * unsure.
     */
    Measure operation(String operationName) {
      if (operationName != null && operations.containsKey(operationName)) {
        return operations.get(operationName);
      }
      return operations.values().stream()
          .reduce(
              Measure.ZERO,
              (a, b) ->
                  new Measure(
                      Math.max(a.fields, b.fields),
                      Math.max(a.aliases, b.aliases),
                      Math.max(a.depth, b.depth)));
    }
  }

  /** The measure of a selection set, its depth counted from its own fields (depth 1). */
  private Measure selections(SelectionSet set) {
    if (set == null) {
      return Measure.ZERO;
    }
    long fields = 0;
    long aliases = 0;
    int deepest = 0;
    for (Selection<?> selection : set.getSelections()) {
      Measure m;
      if (selection instanceof Field field) {
        checkArguments(field);
        Measure children = selections(field.getSelectionSet());
        m =
            new Measure(
                add(1, children.fields),
                add(field.getAlias() != null ? 1 : 0, children.aliases),
                children.depth + 1);
      } else if (selection instanceof InlineFragment inline) {
        m = selections(inline.getSelectionSet());
      } else if (selection instanceof FragmentSpread spread) {
        m = fragment(spread.getName(), spread.getSourceLocation());
      } else {
        m = Measure.ZERO;
      }
      fields = add(fields, m.fields);
      aliases = add(aliases, m.aliases);
      deepest = Math.max(deepest, m.depth);
    }
    return new Measure(fields, aliases, deepest);
  }

  /** A fragment's measure, computed the first time it is spread and remembered. */
  private Measure fragment(String name, SourceLocation where) {
    Measure known = measured.get(name);
    if (known != null) {
      return known;
    }
    FragmentDefinition definition = fragments.get(name);
    if (definition == null) {
      // Validation reports the unknown fragment; it adds nothing here.
      return Measure.ZERO;
    }
    if (inProgress.putIfAbsent(name, Boolean.TRUE) != null) {
      throw new Refusal(
          "Fragment '"
              + name
              + "' spreads itself (directly or through other fragments);"
              + " fragments must not form cycles",
          where,
          ErrorCodes.GRAPHQL_VALIDATION_FAILED,
          null);
    }
    Measure m = selections(definition.getSelectionSet());
    inProgress.remove(name);
    measured.put(name, m);
    return m;
  }

  /**
   * PostgreSQL refuses NUL in text: a literal holding one is the client's mistake, said as such.
   */
  private static void checkArguments(Field field) {
    for (Argument argument : field.getArguments()) {
      if (holdsNul(argument.getValue())) {
        throw new Refusal(
            "Argument '"
                + argument.getName()
                + "' of field '"
                + field.getName()
                + "' contains a NUL character (U+0000), which no value of the catalog may hold",
            argument.getSourceLocation(),
            ErrorCodes.BAD_USER_INPUT,
            argument.getName());
      }
    }
  }

  private static boolean holdsNul(Value<?> value) {
    if (value instanceof StringValue s) {
      return s.getValue() != null && s.getValue().indexOf('\0') >= 0;
    }
    if (value instanceof ArrayValue array) {
      return array.getValues().stream().anyMatch(DocumentCost::holdsNul);
    }
    if (value instanceof ObjectValue object) {
      return object.getObjectFields().stream()
          .map(ObjectField::getValue)
          .anyMatch(DocumentCost::holdsNul);
    }
    return false;
  }

  private static long add(long a, long b) {
    long sum = a + b;
    return sum > SATURATED || sum < 0 ? SATURATED : sum;
  }
}
