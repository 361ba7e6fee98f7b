package com.credentialcatalog.graphql;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Arguments that break the constraints of the request records (the REST bodies' Bean Validation
 * rules). Not a {@code ConstraintViolationException}: Quarkus' GraphQL data fetchers take that for
 * a failed check of the resolver method's own parameters and mis-report it.
 */
class InvalidArgumentsException extends RuntimeException {

  private final List<Map<String, String>> fields;

  private InvalidArgumentsException(String message, List<Map<String, String>> fields) {
    super(message);
    this.fields = fields;
  }

  /** Each invalid field with what is wrong with it, sorted by field. */
  List<Map<String, String>> fields() {
    return fields;
  }

  /** The value, when it breaks no constraint. */
  static <T> T check(T value, jakarta.validation.Validator validator) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw of(violations);
    }
    return value;
  }

  static InvalidArgumentsException of(Set<? extends ConstraintViolation<?>> violations) {
    List<Map<String, String>> fields = violations.stream()
        .map(v -> Map.of("field", fieldName(v), "message", v.getMessage()))
        .sorted(Comparator.comparing((Map<String, String> m) -> m.get("field")).thenComparing(m -> m.get("message")))
        .toList();
    return new InvalidArgumentsException("Invalid input: " + fields.stream()
        .map(f -> f.get("field") + " " + f.get("message")).collect(Collectors.joining("; ")), fields);
  }

  /** A violation's field as the client wrote it: {@code amountMax}, {@code languages[2]}. */
  private static String fieldName(ConstraintViolation<?> v) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE, PARAMETER -> { }
        default -> {
          if (node.isInIterable()) {
            field.append('[').append(node.getIndex() != null ? node.getIndex() : "").append(']');
          }
          String name = node.getName();
          if (name != null && !name.startsWith("<")) {
            field.append(field.isEmpty() ? "" : ".").append(name);
          }
        }
      }
    }
    return field.isEmpty() ? v.getPropertyPath().toString() : field.toString();
  }
}
