package com.credentialcatalog.graphql;

import com.credentialcatalog.observability.CatalogMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Answers the catalog's everyday reads — a page of programs or one program, with provider, exams,
 * renewal, aliases, eligibility and outcomes nested — without graphql-java's field-by-field
 * execution. After the page's one statement every value is in memory, yet graphql-java spent some
 * 3.5 ms of CPU on a page of 20 (about 250 fields, each through a fetcher, the instrumentation
 * chain and SmallRye's per-fetch CDI events): four times what the REST list costs for the same
 * data.
 *
 * <p>A document is planned once: validated against the served schema and accepted only when it is a
 * query whose every field is {@code programs} or {@code program} at the root, one of {@code
 * Program}'s batch fields without arguments, a getter SmallRye would return unchanged (the one
 * {@link PlainFieldFetchers} calls) or {@code __typename}, with {@code @skip}/{@code @include} as
 * its only directives and fragments on the type itself. Anything else — mutations, fields with
 * arguments below the root (prices, cost of ownership, facets), introspection — runs through
 * graphql-java as before. Values are serialized by the schema's own scalar and enum coercions and
 * batch fields are resolved once per level, as graphql-java's data loader does, so the answer is
 * the same, byte for byte ({@code DirectReadsParityTest}). Whenever the answer would carry an error
 * — a bad argument, an unknown slug, a null in a non-null field, a database outage — this path
 * steps aside and graphql-java answers, errors and all: reads can be repeated safely.
 */
@ApplicationScoped
public class DirectReads {

  private static final Logger LOG = Logger.getLogger(DirectReads.class);
  private static final int MAX_PLANS = 1000;

  /** Plain output: the values are already serialized scalars, lists and maps. */
  private static final ObjectMapper OUTPUT = new ObjectMapper();

  /**
   * Coerced arguments to the input records, as SmallRye binds them: its number scalars hand over
   * text ("12.5"), which the application's strict mapper would refuse.
   */
  private static final ObjectMapper ARGUMENTS = new ObjectMapper();

  private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();
  private static final Locale LOCALE = Locale.getDefault();

  private final GraphqlEngine engine;
  private final CatalogQueries queries;
  private final CatalogMetrics metrics;
  private final Map<String, Function<List<ProgramNode>, List<?>>> programBatches;

  /** Per document and operation name: its plan, or empty when graphql-java must run it. */
  private final Map<String, Optional<Plan>> plans = new ConcurrentHashMap<>();

  /** Per schema field coordinate: how its value is read, or empty when this path cannot read it. */
  private final Map<String, Optional<Resolver>> resolvers = new ConcurrentHashMap<>();

  private final AtomicLong answered = new AtomicLong();
  private volatile boolean enabled;

  public DirectReads(
      GraphqlEngine engine,
      GraphqlConfig config,
      CatalogQueries queries,
      ProgramFields fields,
      CatalogMetrics metrics) {
    this.engine = engine;
    this.queries = queries;
    this.metrics = metrics;
    this.enabled = config.directReads();
    this.programBatches =
        Map.of(
            "provider", fields::provider,
            "supersededBy", fields::supersededBy,
            "aliases", fields::aliases,
            "exams", fields::exams,
            "renewal", fields::renewal,
            "eligibility", fields::eligibility,
            "outcomes", fields::outcomes);
  }

  /** A document's operation, ready to run. */
  private record Plan(
      GraphQLSchema schema,
      OperationDefinition operation,
      Map<String, FragmentDefinition> fragments,
      String metricName) {}

  /**
   * How one field's value is read: a getter on the source, or a batch over all sources of a level.
   */
  private record Resolver(
      Method getter, Function<List<ProgramNode>, List<?>> batch, boolean root) {}

  /** Objects of one type that still need their selected fields, all under the same selection. */
  private record Pending(
      GraphQLObjectType type, List<Field> fields, Object source, Map<String, Object> target) {}

  /** This path cannot give the answer graphql-java would: let graphql-java give it. */
  private static final class StepAside extends RuntimeException {
    static final StepAside INSTANCE = new StepAside();

    private StepAside() {
      super(null, null, false, false);
    }
  }

  /** An answer of this path: the body and the media type it is sent as. */
  record Answer(byte[] body, String mediaType) {}

  /**
   * Answers the request when its document is one this path serves, after {@link DocumentGuard}
   * accepted it and charged it to the rate limiter; the guard sends the answer (and may keep it).
   *
   * @return null when graphql-java must answer it
   */
  Answer answer(
      RoutingContext rc, String query, String operationName, Map<String, Object> variables) {
    String mediaType = mediaType(rc.request().getHeader("Accept"));
    if (!enabled || mediaType == null || !plainValues(variables)) {
      return null;
    }
    Plan plan = plan(query, operationName);
    if (plan == null) {
      return null;
    }
    Timer.Sample sample = metrics.start();
    byte[] body;
    ManagedContext requestContext = Arc.container().requestContext();
    boolean activated = !requestContext.isActive();
    if (activated) {
      requestContext.activate();
    }
    try {
      body = OUTPUT.writeValueAsBytes(Map.of("data", execute(plan, variables)));
    } catch (StepAside | com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    } catch (RuntimeException e) {
      // graphql-java runs it again and reports the failure in GraphQL's terms.
      LOG.debugf(e, "Direct read stepped aside for graphql-java");
      return null;
    } finally {
      if (activated) {
        requestContext.terminate();
      }
    }
    metrics.recordQuery(CatalogMetrics.GRAPHQL, plan.metricName(), sample);
    answered.incrementAndGet();
    return new Answer(body, mediaType);
  }

  /** Requests answered by this path since start. */
  long answered() {
    return answered.get();
  }

  /** Turns the path on or off at run time (tests compare its answers with graphql-java's). */
  void enabled(boolean on) {
    enabled = on;
  }

  /**
   * The media type SmallRye answers with for this Accept header, or null for the headers whose
   * negotiation (lists, parameters, 406) is left to SmallRye.
   */
  private static String mediaType(String accept) {
    String fallback = "application/graphql-response+json; charset=UTF-8";
    if (accept == null || accept.isBlank()) {
      return fallback;
    }
    boolean any = false;
    for (String entry : accept.split(",")) {
      String type = entry.trim();
      String bare = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
      if (bare.equals("application/json") || bare.equals("application/graphql-response+json")) {
        // SmallRye names the first type it serves as written, parameters included: leave those to
        // it.
        return type.equals(bare) ? type : null;
      }
      any |= bare.equals("*/*");
    }
    return any ? fallback : null;
  }

  /**
   * Variables this path coerces exactly as SmallRye's envelope does: text, booleans, integers and
   * null, in lists and objects. Fractional numbers are left to SmallRye's own decoding.
   */
  private static boolean plainValues(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().allMatch(DirectReads::plainValues);
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(DirectReads::plainValues);
    }
    return false;
  }

  private Plan plan(String query, String operationName) {
    // SmallRye builds its engine on the first execution: until then graphql-java answers.
    GraphQLSchema schema = engine.schema();
    if (schema == null) {
      return null;
    }
    String key = (operationName == null ? "" : operationName) + '\n' + query;
    Optional<Plan> plan = plans.get(key);
    if (plan == null) {
      plan = Optional.ofNullable(newPlan(schema, query, operationName));
      if (plans.size() >= MAX_PLANS) {
        plans.clear();
      }
      plans.put(key, plan);
    }
    return plan.filter(p -> p.schema() == schema).orElse(null);
  }

  private Plan newPlan(GraphQLSchema schema, String query, String operationName) {
    try {
      // The guard has parsed this document within its bounds already: it parses again here once.
      Document document = Parser.parse(query);
      if (!new graphql.validation.Validator()
          .validateDocument(schema, document, LOCALE)
          .isEmpty()) {
        return null;
      }
      OperationDefinition operation = null;
      Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
      for (var definition : document.getDefinitions()) {
        if (definition instanceof FragmentDefinition fragment) {
          fragments.put(fragment.getName(), fragment);
        } else if (definition instanceof OperationDefinition op
            && (operationName == null || operationName.equals(op.getName()))) {
          if (operation != null) {
            return null; // several operations and no name: graphql-java says so
          }
          operation = op;
        }
      }
      if (operation == null
          || operation.getOperation() != OperationDefinition.Operation.QUERY
          || !operation.getDirectives().isEmpty()
          || !supported(
              schema,
              schema.getQueryType(),
              operation.getSelectionSet(),
              fragments,
              new HashSet<>())) {
        return null;
      }
      return new Plan(
          schema,
          operation,
          fragments,
          CatalogInstrumentation.rootField(operation.getSelectionSet()));
    } catch (RuntimeException e) {
      LOG.debugf(e, "No direct plan for a document");
      return null;
    }
  }

  /** Whether every field under this selection can be read by this path. */
  private boolean supported(
      GraphQLSchema schema,
      GraphQLObjectType type,
      SelectionSet set,
      Map<String, FragmentDefinition> fragments,
      Set<String> visiting) {
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof DirectivesContainer<?> container
          && !onlySkipOrInclude(container.getDirectives())) {
        return false;
      }
      if (selection instanceof Field field) {
        if (field.getName().equals("__typename")) {
          continue;
        }
        GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
        Resolver resolver = definition == null ? null : resolver(schema, type, definition);
        if (resolver == null || (!resolver.root() && !field.getArguments().isEmpty())) {
          LOG.debugf("graphql-java reads %s.%s", type.getName(), field.getName());
          return false;
        }
        GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (fieldType instanceof GraphQLObjectType object) {
          if (field.getSelectionSet() == null
              || !supported(schema, object, field.getSelectionSet(), fragments, visiting)) {
            return false;
          }
        } else if (!(fieldType instanceof GraphQLScalarType)
            && !(fieldType instanceof GraphQLEnumType)) {
          return false; // interfaces and unions: graphql-java resolves the concrete type
        }
      } else if (selection instanceof InlineFragment inline) {
        if (inline.getTypeCondition() != null
                && !inline.getTypeCondition().getName().equals(type.getName())
            || !supported(schema, type, inline.getSelectionSet(), fragments, visiting)) {
          return false;
        }
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        if (fragment == null
            || !fragment.getTypeCondition().getName().equals(type.getName())
            || !fragment.getDirectives().isEmpty()
            || !visiting.add(spread.getName())) {
          return false;
        }
        boolean ok = supported(schema, type, fragment.getSelectionSet(), fragments, visiting);
        visiting.remove(spread.getName());
        if (!ok) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean onlySkipOrInclude(List<Directive> directives) {
    return directives.stream()
        .allMatch(d -> d.getName().equals("skip") || d.getName().equals("include"));
  }

  private Resolver resolver(
      GraphQLSchema schema, GraphQLObjectType type, GraphQLFieldDefinition definition) {
    String coordinate = type.getName() + "." + definition.getName();
    return resolvers
        .computeIfAbsent(
            coordinate,
            c -> {
              if (type == schema.getQueryType()) {
                return definition.getName().equals("programs")
                        || definition.getName().equals("program")
                    ? Optional.of(new Resolver(null, null, true))
                    : Optional.empty();
              }
              if (type.getName().equals("Program")
                  && programBatches.containsKey(definition.getName())) {
                return Optional.of(
                    new Resolver(null, programBatches.get(definition.getName()), false));
              }
              DataFetcher<?> fetcher =
                  schema
                      .getCodeRegistry()
                      .getDataFetcher(FieldCoordinates.coordinates(type, definition), definition);
              Method getter = PlainFieldFetchers.plainGetter(fetcher);
              return getter == null
                  ? Optional.empty()
                  : Optional.of(new Resolver(getter, null, false));
            })
        .orElse(null);
  }

  /**
   * The {@code data} of the answer, level by level so that each batch field is read once per level.
   */
  private Map<String, Object> execute(Plan plan, Map<String, Object> variables) {
    GraphQLSchema schema = plan.schema();
    CoercedVariables coerced =
        ValuesResolver.coerceVariableValues(
            schema,
            plan.operation().getVariableDefinitions(),
            RawVariables.of(variables == null ? Map.of() : variables),
            CONTEXT,
            LOCALE);
    Map<String, Object> data = new LinkedHashMap<>();
    List<Pending> level = new ArrayList<>();
    GraphQLObjectType queryType = schema.getQueryType();
    for (Map.Entry<String, List<Field>> entry :
        collect(queryType, List.of(plan.operation().getSelectionSet()), plan, coerced).entrySet()) {
      Field field = entry.getValue().get(0);
      if (field.getName().equals("__typename")) {
        data.put(entry.getKey(), queryType.getName());
        continue;
      }
      GraphQLFieldDefinition definition = queryType.getFieldDefinition(field.getName());
      Map<String, Object> arguments =
          ValuesResolver.getArgumentValues(
              schema.getCodeRegistry(),
              definition.getArguments(),
              field.getArguments(),
              coerced,
              CONTEXT,
              LOCALE);
      Object value = root(field.getName(), arguments, definition, entry.getValue(), plan, coerced);
      data.put(entry.getKey(), complete(definition.getType(), value, entry.getValue(), level));
    }
    while (!level.isEmpty()) {
      level = resolve(level, plan, coerced);
    }
    return data;
  }

  private Object root(
      String name,
      Map<String, Object> arguments,
      GraphQLFieldDefinition definition,
      List<Field> fields,
      Plan plan,
      CoercedVariables variables) {
    if (name.equals("program")) {
      return queries.program((String) arguments.get("slug"));
    }
    GraphQLObjectType connection =
        (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(definition.getType());
    boolean withTotal =
        collect(connection, selections(fields), plan, variables).values().stream()
            .anyMatch(f -> f.get(0).getName().equals("totalCount"));
    return queries.programs(
        ARGUMENTS.convertValue(arguments.get("filter"), ProgramFilterInput.class),
        ARGUMENTS.convertValue(arguments.get("orderBy"), ProgramOrderInput.class),
        integer(arguments.get("first")),
        (String) arguments.get("after"),
        Set.of(),
        withTotal);
  }

  /** SmallRye's Int scalar hands over literals as BigDecimal, variables as Integer. */
  private static Integer integer(Object value) {
    if (value == null || value instanceof Integer) {
      return (Integer) value;
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.intValueExact(); // out of range: graphql-java reports it
    }
    throw StepAside.INSTANCE;
  }

  /** Resolves the selected fields of one level's objects; returns the objects of the next level. */
  private List<Pending> resolve(List<Pending> level, Plan plan, CoercedVariables variables) {
    // Objects under the same selection (the items of one list, the nodes of every edge) are read
    // together, so a batch field costs one call for all of them.
    Map<List<Field>, List<Pending>> groups = new IdentityHashMap<>();
    for (Pending pending : level) {
      groups.computeIfAbsent(pending.fields(), f -> new ArrayList<>()).add(pending);
    }
    List<Pending> next = new ArrayList<>();
    for (List<Pending> group : groups.values()) {
      GraphQLObjectType type = group.get(0).type();
      for (Map.Entry<String, List<Field>> entry :
          collect(type, selections(group.get(0).fields()), plan, variables).entrySet()) {
        String name = entry.getValue().get(0).getName();
        if (name.equals("__typename")) {
          group.forEach(p -> p.target().put(entry.getKey(), type.getName()));
          continue;
        }
        GraphQLFieldDefinition definition = type.getFieldDefinition(name);
        Resolver resolver = resolver(plan.schema(), type, definition);
        List<?> values =
            resolver.batch() != null ? batch(resolver, group) : read(resolver.getter(), group);
        for (int i = 0; i < group.size(); i++) {
          group
              .get(i)
              .target()
              .put(
                  entry.getKey(),
                  complete(definition.getType(), values.get(i), entry.getValue(), next));
        }
      }
    }
    return next;
  }

  private static List<?> batch(Resolver resolver, List<Pending> group) {
    List<ProgramNode> sources = new ArrayList<>(group.size());
    for (Pending pending : group) {
      if (!(pending.source() instanceof ProgramNode node)) {
        throw StepAside.INSTANCE;
      }
      sources.add(node);
    }
    List<?> values = resolver.batch().apply(sources);
    if (values.size() != sources.size()) {
      throw StepAside.INSTANCE;
    }
    return values;
  }

  private static List<?> read(Method getter, List<Pending> group) {
    List<Object> values = new ArrayList<>(group.size());
    for (Pending pending : group) {
      try {
        values.add(getter.invoke(pending.source()));
      } catch (IllegalAccessException | InvocationTargetException | IllegalArgumentException e) {
        throw StepAside.INSTANCE;
      }
    }
    return values;
  }

  /**
   * A value as graphql-java completes it: scalars and enums serialized by the schema, lists item by
   * item, objects as maps filled at the next level. A null where the schema promises none is an
   * error graphql-java reports, with its null propagation: step aside.
   */
  private static Object complete(
      GraphQLOutputType type, Object value, List<Field> fields, List<Pending> next) {
    if (value == null) {
      if (type instanceof GraphQLNonNull) {
        throw StepAside.INSTANCE;
      }
      return null;
    }
    GraphQLType unwrapped =
        type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
    if (unwrapped instanceof GraphQLList list) {
      if (!(value instanceof Iterable<?> items)) {
        throw StepAside.INSTANCE;
      }
      List<Object> completed = new ArrayList<>();
      for (Object item : items) {
        completed.add(complete((GraphQLOutputType) list.getWrappedType(), item, fields, next));
      }
      return completed;
    }
    if (unwrapped instanceof GraphQLScalarType scalar) {
      return scalar.getCoercing().serialize(value, CONTEXT, LOCALE);
    }
    if (unwrapped instanceof GraphQLEnumType enumType) {
      return enumType.serialize(value, CONTEXT, LOCALE);
    }
    if (unwrapped instanceof GraphQLObjectType object) {
      Map<String, Object> target = new LinkedHashMap<>();
      next.add(new Pending(object, fields, value, target));
      return target;
    }
    throw StepAside.INSTANCE;
  }

  private static List<SelectionSet> selections(List<Field> fields) {
    List<SelectionSet> sets = new ArrayList<>(fields.size());
    for (Field field : fields) {
      if (field.getSelectionSet() != null) {
        sets.add(field.getSelectionSet());
      }
    }
    return sets;
  }

  /**
   * The fields these selections ask of an object, by response key in document order, fragments
   * expanded and fields of the same key merged (as graphql-java's field collector does).
   */
  private static Map<String, List<Field>> collect(
      GraphQLObjectType type, List<SelectionSet> sets, Plan plan, CoercedVariables variables) {
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    Set<String> visited = new HashSet<>();
    for (SelectionSet set : sets) {
      collect(type, set, plan, variables, fields, visited);
    }
    return fields;
  }

  private static void collect(
      GraphQLObjectType type,
      SelectionSet set,
      Plan plan,
      CoercedVariables variables,
      Map<String, List<Field>> fields,
      Set<String> visited) {
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof DirectivesContainer<?> container
          && !included(container.getDirectives(), variables)) {
        continue;
      }
      if (selection instanceof Field field) {
        fields.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
      } else if (selection instanceof InlineFragment inline) {
        collect(type, inline.getSelectionSet(), plan, variables, fields, visited);
      } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) {
        collect(
            type,
            plan.fragments().get(spread.getName()).getSelectionSet(),
            plan,
            variables,
            fields,
            visited);
      }
    }
  }

  private static boolean included(List<Directive> directives, CoercedVariables variables) {
    for (Directive directive : directives) {
      boolean condition = condition(directive, variables);
      if (directive.getName().equals("skip") && condition
          || directive.getName().equals("include") && !condition) {
        return false;
      }
    }
    return true;
  }

  private static boolean condition(Directive directive, CoercedVariables variables) {
    Value<?> value =
        directive.getArgument("if") == null ? null : directive.getArgument("if").getValue();
    if (value instanceof BooleanValue b) {
      return b.isValue();
    }
    if (value instanceof VariableReference reference
        && variables.get(reference.getName()) instanceof Boolean b) {
      return b;
    }
    throw StepAside.INSTANCE;
  }
}
