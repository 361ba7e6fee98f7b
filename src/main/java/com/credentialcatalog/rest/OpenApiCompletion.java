package com.credentialcatalog.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the generated OpenAPI document so that every schema has a description and an example:
 * enums describe their values and show the first, records show an example assembled from their
 * properties' own examples (written once, on the record components). Generated clients and the
 * Swagger UI then show realistic payloads without examples written twice by hand.
 *
 * <p>Runs at build time: the document is then complete in the built application and nothing is
 * rebuilt at start-up (as a runtime {@code mp.openapi.filter} it cost about 0.4 s of each start).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiCompletion implements OASFilter {

  private static final String REF_PREFIX = "#/components/schemas/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Map<String, Object> done = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> e : schemas.entrySet()) {
      Schema s = e.getValue();
      if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
        if (s.getDescription() == null) {
          s.setDescription(e.getKey() + ": one of " + s.getEnumeration());
        }
      } else if (s.getDescription() == null) {
        s.setDescription(humanize(e.getKey()));
      }
      if (s.getExamples() == null || s.getExamples().isEmpty()) {
        Object example = exampleOf(s, schemas, done, new HashSet<>());
        if (example != null) {
          s.setExamples(List.of(example));
        }
      }
    }
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
        if (op.getParameters() != null) {
          for (Parameter p : op.getParameters()) {
            if ("cursor".equals(p.getName()) && p.getExample() == null) {
              p.setExample("ZDZhNTA4MzMxODUKNQo0MDAuMDA");
            }
          }
        }
      }));
    }
  }

  private Object exampleOf(Schema s, Map<String, Schema> schemas, Map<String, Object> done, Set<String> visiting) {
    if (s == null) {
      return null;
    }
    if (s.getRef() != null) {
      String name = s.getRef().startsWith(REF_PREFIX) ? s.getRef().substring(REF_PREFIX.length()) : s.getRef();
      if (done.containsKey(name)) {
        return done.get(name);
      }
      if (!visiting.add(name)) {
        return null;
      }
      Object example = exampleOf(schemas.get(name), schemas, done, visiting);
      visiting.remove(name);
      done.put(name, example);
      return example;
    }
    if (s.getExamples() != null && !s.getExamples().isEmpty()) {
      return s.getExamples().get(0);
    }
    if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
      return s.getEnumeration().get(0);
    }
    if (s.getProperties() != null && !s.getProperties().isEmpty()) {
      Map<String, Object> object = new LinkedHashMap<>();
      s.getProperties().forEach((name, property) -> {
        Object value = exampleOf(property, schemas, done, visiting);
        if (value != null) {
          object.put(name, value);
        }
      });
      return object.isEmpty() ? null : object;
    }
    if (s.getItems() != null) {
      Object item = exampleOf(s.getItems(), schemas, done, visiting);
      return item == null ? null : new ArrayList<>(List.of(item));
    }
    if (s.getAllOf() != null) {
      for (Schema part : s.getAllOf()) {
        Object example = exampleOf(part, schemas, done, visiting);
        if (example != null) {
          return example;
        }
      }
    }
    if (s.getFormat() != null) {
      return switch (s.getFormat()) {
        case "date" -> "2024-01-01";
        case "date-time" -> "2026-11-22T21:15:44Z";
        default -> null;
      };
    }
    return null;
  }

  private static String humanize(String name) {
    return switch (name) {
      case "LocalDate" -> "A calendar date, ISO 8601 (YYYY-MM-DD)";
      case "OffsetDateTime" -> "A timestamp with offset, ISO 8601";
      default -> name.replaceAll("([a-z])([A-Z])", "$1 $2");
    };
  }
}
