package com.credentialcatalog.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads plain fields of the catalog's GraphQL types (a node's slug, a range's min…) with a direct
 * getter call instead of SmallRye's field fetcher, which builds a request context for every field
 * of every node (a page of 20 programs with exams asks for some 250 fields; the context building
 * was a fifth of the server's time). Only fields SmallRye would return unchanged take this path:
 * any field with a transformation (date or number formats) or an adapter keeps SmallRye's fetcher,
 * so the answers are the same.
 */
@RegisterForReflection(targets = FieldDataFetcher.class, fields = true, methods = false)
final class PlainFieldFetchers extends SimplePerformantInstrumentation {

  private static final Logger LOG = Logger.getLogger(PlainFieldFetchers.class);

  /** Per SmallRye fetcher (one per schema field): the plain one, or the same when not plain. */
  private final Map<DataFetcher<?>, DataFetcher<?>> plain = new ConcurrentHashMap<>();

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    if (!(fetcher instanceof FieldDataFetcher<?>)) {
      return fetcher;
    }
    return plain.computeIfAbsent(fetcher, PlainFieldFetchers::plainOrSame);
  }

  private static DataFetcher<?> plainOrSame(DataFetcher<?> fetcher) {
    Method getter = plainGetter(fetcher);
    if (getter == null) {
      return fetcher;
    }
    return env -> {
      Object source = env.getSource();
      if (source == null) {
        return null;
      }
      try {
        return getter.invoke(source);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
  }

  /**
   * The getter SmallRye's fetcher calls when it returns the value unchanged (no transformation, no
   * adapter, a catalog type); null for any other fetcher, which must keep running as it is.
   */
  static Method plainGetter(DataFetcher<?> fetcher) {
    if (!(fetcher instanceof FieldDataFetcher<?>)) {
      return null;
    }
    try {
      Field field = (Field) read(fetcher, "field");
      io.smallrye.graphql.schema.model.Reference owner =
          (io.smallrye.graphql.schema.model.Reference) read(fetcher, "owner");
      if (field.hasTransformation()
          || field.isAdaptingWith()
          || field.isAdaptingTo()
          || field.getMethodName() == null
          || owner == null
          || !owner.getClassName().startsWith("com.credentialcatalog.")) {
        return null;
      }
      Class<?> type =
          Class.forName(
              owner.getClassName(), false, Thread.currentThread().getContextClassLoader());
      Method getter = type.getMethod(field.getMethodName());
      getter.setAccessible(true);
      return getter;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // SmallRye's own fetcher is always right, only slower: keep it.
      LOG.debugf("Keeping SmallRye's fetcher for %s: %s", fetcher, e);
      return null;
    }
  }

  private static Object read(Object target, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = FieldDataFetcher.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }
}
