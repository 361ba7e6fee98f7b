package com.credentialcatalog.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How one surface names the core's fields: a REST parameter ({@code provider}) or a GraphQL
 * argument path ({@code filter.providers}). Messages use the last segment ({@code providers}), so a
 * client reads the names it sent. A name not in the map keeps its core name.
 */
public final class Vocabulary {

  /** The core's own names. */
  public static final Vocabulary CORE = new Vocabulary(Map.of());

  private final Map<String, String> paths;

  private Vocabulary(Map<String, String> paths) {
    this.paths = Map.copyOf(paths);
  }

  /** A vocabulary from core name → the surface's path. */
  public static Vocabulary of(Map<String, String> paths) {
    return new Vocabulary(paths);
  }

  /** Every component of the record, named under a prefix ({@code filter.}). */
  public static Vocabulary nested(String prefix, Class<? extends Record> type) {
    Map<String, String> paths = new HashMap<>();
    for (var component : type.getRecordComponents()) {
      paths.put(component.getName(), prefix + component.getName());
    }
    return new Vocabulary(paths);
  }

  /** This vocabulary with further names; the given ones win. */
  public Vocabulary with(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(paths);
    all.putAll(more);
    return new Vocabulary(all);
  }

  /** Where the field is, as the surface's client names it. */
  public String path(String name) {
    return paths.getOrDefault(name, name);
  }

  /** The field's own name, for sentences. */
  public String word(String name) {
    String path = path(name);
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Runs a call of the core, naming any input it refuses in this vocabulary. */
  public <T> T bind(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidInputException e) {
      throw e.in(this);
    }
  }
}
