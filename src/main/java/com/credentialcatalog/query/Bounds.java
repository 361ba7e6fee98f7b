package com.credentialcatalog.query;

import com.credentialcatalog.query.InvalidInputException.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The limits of query input, in one place for REST and GraphQL: search text, value lists, amounts,
 * currency and region codes, the cost horizon and the page size. Each check names the field by its
 * core name; adapters rename it with a {@link Vocabulary}. The {@code *_PATTERN} constants are the
 * same rules for OpenAPI annotations.
 */
public final class Bounds {

  /** Longest search text ({@code q}). */
  public static final int MAX_TEXT_LENGTH = 200;

  /** Most values in one list field (alternatives). */
  public static final int MAX_VALUES = 50;

  /** Longest single value of a list field (a slug, a language tag). */
  public static final int MAX_VALUE_LENGTH = 100;

  /**
   * Largest amount a price bound may name: beyond any real fee, below what numeric columns hold.
   */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1e12");

  public static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
  public static final String REGION_PATTERN = "^([A-Z]{2}|GLOBAL)$";
  public static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
  private static final Pattern CURRENCY = Pattern.compile(CURRENCY_PATTERN);
  private static final Pattern REGION = Pattern.compile(REGION_PATTERN);
  private static final Pattern COUNTRY = Pattern.compile(COUNTRY_PATTERN);

  public static final int MIN_HORIZON_YEARS = 1;
  public static final int MAX_HORIZON_YEARS = 50;
  public static final int DEFAULT_HORIZON_YEARS = 3;

  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 20;

  private Bounds() {}

  /** An ISO 4217 currency code, or null. */
  public static String currency(String field, String value) {
    if (value != null && !CURRENCY.matcher(value).matches()) {
      throw InvalidInputException.of(
          field, Kind.MALFORMED, "{} must be an ISO 4217 code such as USD");
    }
    return value;
  }

  /** An ISO 3166 alpha-2 region or GLOBAL, or null. */
  public static String region(String field, String value) {
    if (value != null && !REGION.matcher(value).matches()) {
      throw InvalidInputException.of(
          field, Kind.MALFORMED, "{} must be an ISO 3166 alpha-2 code such as US, or GLOBAL");
    }
    return value;
  }

  /** An ISO 3166 alpha-2 country, or null. */
  public static String country(String field, String value) {
    if (value != null && !COUNTRY.matcher(value).matches()) {
      throw InvalidInputException.of(
          field, Kind.MALFORMED, "{} must be an ISO 3166 alpha-2 code such as US");
    }
    return value;
  }

  /** A search text of at most {@value #MAX_TEXT_LENGTH} characters, or null. */
  public static String text(String field, String value) {
    if (value != null && value.length() > MAX_TEXT_LENGTH) {
      throw InvalidInputException.of(
          field, Kind.OUT_OF_RANGE, "{} must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    return value;
  }

  /** A non-negative amount up to {@link #MAX_AMOUNT}, or null. */
  public static BigDecimal amount(String field, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw InvalidInputException.of(field, Kind.OUT_OF_RANGE, "{} must not be negative");
    }
    if (value != null && value.compareTo(MAX_AMOUNT) > 0) {
      throw InvalidInputException.of(field, Kind.OUT_OF_RANGE, "{} is out of range");
    }
    return value;
  }

  /** A non-negative whole number, or null. */
  public static Integer count(String field, Integer value) {
    if (value != null && value < 0) {
      throw InvalidInputException.of(field, Kind.OUT_OF_RANGE, "{} must not be negative");
    }
    return value;
  }

  /**
   * Years of ownership, {@value #MIN_HORIZON_YEARS}–{@value #MAX_HORIZON_YEARS}; null is the
   * default.
   */
  public static int horizonYears(Integer value) {
    int years = value == null ? DEFAULT_HORIZON_YEARS : value;
    if (years < MIN_HORIZON_YEARS || years > MAX_HORIZON_YEARS) {
      throw InvalidInputException.of(
          "horizonYears",
          Kind.OUT_OF_RANGE,
          "{} must be between " + MIN_HORIZON_YEARS + " and " + MAX_HORIZON_YEARS);
    }
    return years;
  }

  /** A page size, 1–{@value #MAX_PAGE_SIZE}; null is the default. */
  public static int pageSize(Integer value) {
    return pageSize(value, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  /**
   * A {@code limit} of a list with its own sizes (the change feed, webhook lists), 1–{@code max};
   * null is {@code defaultSize}.
   *
   * @throws InvalidInputException naming {@code limit}
   */
  public static int pageSize(Integer value, int defaultSize, int max) {
    int size = value == null ? defaultSize : value;
    if (size < 1 || size > max) {
      throw InvalidInputException.of("limit", Kind.OUT_OF_RANGE, "{} must be between 1 and " + max);
    }
    return size;
  }

  /**
   * At most {@value #MAX_VALUES} alternatives, none of them null ({@code [null]} would match
   * nothing or everything depending on the field: say so rather than guess); null is none.
   */
  public static <T> List<T> values(String field, List<T> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_VALUES) {
      throw InvalidInputException.of(
          field, Kind.OUT_OF_RANGE, "at most " + MAX_VALUES + " values for {}");
    }
    if (values.stream().anyMatch(Objects::isNull)) {
      throw InvalidInputException.of(field, Kind.MALFORMED, "{} must not contain null");
    }
    return values;
  }

  /** Text alternatives: {@link #values}, each at most {@value #MAX_VALUE_LENGTH} characters. */
  public static List<String> strings(String field, List<String> values) {
    for (String v : values(field, values)) {
      if (v.length() > MAX_VALUE_LENGTH) {
        throw InvalidInputException.of(
            field,
            Kind.OUT_OF_RANGE,
            "{} values must be at most " + MAX_VALUE_LENGTH + " characters");
      }
    }
    return values(field, values);
  }
}
