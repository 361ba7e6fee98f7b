package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Input values as the columns store them; shared by the mappers. */
final class ColumnValues {

  private ColumnValues() {}

  /** Enum names, each once, in input order; null is an empty list (the columns are not null). */
  static List<String> names(Collection<? extends Enum<?>> values) {
    if (values == null) {
      return new ArrayList<>();
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    values.forEach(v -> names.add(v.name()));
    return new ArrayList<>(names);
  }

  /** Each value once, in input order; null is an empty list. */
  static List<String> distinct(Collection<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
  }

  /**
   * Two decimals, as the numeric(…, 2) columns store them: a written value reads back the same
   * ("100" becomes 100.00). Validation has already refused more than two decimals.
   */
  static BigDecimal money(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
  }

  static String slug(Source source) {
    return source == null ? null : source.slug;
  }
}
