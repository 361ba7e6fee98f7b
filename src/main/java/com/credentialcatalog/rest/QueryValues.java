package com.credentialcatalog.rest;

import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.InvalidInputException.Kind;
import com.credentialcatalog.query.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds query values: parsed here rather than by JAX-RS, because a JAX-RS conversion failure is a
 * bare 404 while a client that sends {@code limit=ten} deserves a 400 that names {@code limit}.
 * Only the form is checked here; the bounds are the core's ({@link Bounds}).
 */
public final class QueryValues {

  /**
   * The REST names of core fields that differ: list parameters are singular and repeatable ({@code
   * level=MANAGER&level=EXECUTIVE}).
   */
  static final Vocabulary REST =
      Vocabulary.of(
          Map.of(
              "providers", "provider",
              "types", "type",
              "levels", "level",
              "audiences", "audience",
              "competencies", "competency",
              "deliveryModes", "delivery",
              "languages", "language",
              "statuses", "status",
              "kinds", "kind"));

  private QueryValues() {}

  /** A whole-number query parameter; null when absent; bad form is a 400 naming it. */
  public static Integer integer(String name, String value) {
    return parsed(name, value, Integer::valueOf, "{} must be a whole number, got '%s'");
  }

  /** A 64-bit whole-number query parameter; null when absent; bad form is a 400 naming it. */
  public static Long longValue(String name, String value) {
    return parsed(name, value, Long::valueOf, "{} must be a whole number, got '%s'");
  }

  static BigDecimal decimal(String name, String value) {
    return parsed(name, value, BigDecimal::new, "{} must be a number, got '%s'");
  }

  static LocalDate date(String name, String value) {
    return parsed(name, value, LocalDate::parse, "{} must be a date YYYY-MM-DD, got '%s'");
  }

  /**
   * The value parsed, null when absent; a value that does not parse is refused naming the field.
   */
  private static <T> T parsed(
      String name, String value, Function<String, T> parse, String template) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parse.apply(value.trim());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw InvalidInputException.of(name, Kind.MALFORMED, template, clip(value));
    }
  }

  /**
   * Repeated and comma-separated values as one list, blanks and repeats dropped: the bounds count
   * distinct alternatives, as the core's filters hold them.
   */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank() && !out.contains(part.trim())) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  static <E extends Enum<E>> List<E> enums(String field, List<String> values, Class<E> type) {
    // The list bounds first, as for text lists: 51 values or a 10 kB value is refused as such.
    return Bounds.strings(field, split(values)).stream().map(v -> parse(field, v, type)).toList();
  }

  static <E extends Enum<E>> E one(String field, String value, Class<E> type) {
    return value == null || value.isBlank() ? null : parse(field, value.trim(), type);
  }

  private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          field,
          Kind.UNKNOWN_VALUE,
          "'%s' is not one of %s",
          clip(value),
          Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
