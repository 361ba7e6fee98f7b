package com.credentialcatalog.rest;

import com.credentialcatalog.query.InvalidQueryException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Typed query values parsed here rather than by JAX-RS: a JAX-RS conversion failure is a bare 404,
 * while a client that sends {@code limit=ten} deserves a 400 that names {@code limit}.
 */
final class QueryValues {

  private QueryValues() {}

  static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name, name + " must be a whole number, got '" + clip(value) + "'");
    }
  }

  static Long longValue(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name, name + " must be a whole number, got '" + clip(value) + "'");
    }
  }

  static BigDecimal decimal(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value.trim());
      if (d.abs().compareTo(new BigDecimal("1e12")) > 0) {
        throw new InvalidQueryException(name, name + " is out of range");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name, name + " must be a number, got '" + clip(value) + "'");
    }
  }

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(name, name + " must be a date YYYY-MM-DD, got '" + clip(value) + "'");
    }
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
