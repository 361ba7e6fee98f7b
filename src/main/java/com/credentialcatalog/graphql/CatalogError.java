package com.credentialcatalog.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error as the catalog answers it: a message a person can act on, where it happened, and an
 * {@code extensions.code} a program can branch on. Nothing else: no exception class, no trace.
 *
 * @param path the response path of the failed field; null for request-level errors
 * @param details further extensions (the offending argument, the invalid fields)
 */
record CatalogError(
    String message,
    List<SourceLocation> locations,
    List<Object> path,
    String code,
    Map<String, Object> details)
    implements GraphQLError {

  CatalogError {
    locations = locations == null ? List.of() : List.copyOf(locations);
    details = details == null ? Map.of() : details;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return locations;
  }

  @Override
  public List<Object> getPath() {
    return path;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorClassification.errorClassification(code);
  }

  @Override
  public Map<String, Object> getExtensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    extensions.putAll(details);
    return extensions;
  }

  @Override
  public Map<String, Object> toSpecification() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("message", message);
    if (!locations.isEmpty()) {
      spec.put(
          "locations",
          locations.stream()
              .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
              .toList());
    }
    if (path != null) {
      spec.put("path", path);
    }
    spec.put("extensions", getExtensions());
    return spec;
  }
}
