package com.credentialcatalog.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A request whose fields constrain each other (min ≤ max, from before to). Checked by the
 * class-level {@link ConsistentFields} constraint, which reports each broken rule on the JSON field
 * a client has to fix.
 */
public interface CrossFieldRules {

  /** The rules this request breaks; empty when it is consistent. */
  List<Violation> crossFieldViolations();

  /** One broken rule, named by the JSON field to fix. */
  record Violation(String field, String message) {}

  /** Collects broken rules; null values satisfy every rule (unknown is allowed). */
  final class Checks {
    private final List<Violation> violations = new ArrayList<>();

    /** {@code min ≤ max}, reported on the max field. */
    public <T extends Comparable<? super T>> Checks notBelow(
        String maxField, T max, String minField, T min) {
      if (min != null && max != null && max.compareTo(min) < 0) {
        violations.add(new Violation(maxField, "must be greater than or equal to " + minField));
      }
      return this;
    }

    /** {@code from < to}, reported on the to field. */
    public <T extends Comparable<? super T>> Checks after(
        String toField, T to, String fromField, T from) {
      if (from != null && to != null && to.compareTo(from) <= 0) {
        violations.add(new Violation(toField, "must be after " + fromField));
      }
      return this;
    }

    /** {@code value ≤ limit}, reported on the value field. */
    public Checks atMost(String field, BigDecimal value, BigDecimal limit, String why) {
      if (value != null && limit != null && value.compareTo(limit) > 0) {
        violations.add(
            new Violation(
                field,
                "must be less than or equal to "
                    + limit.stripTrailingZeros().toPlainString()
                    + " "
                    + why));
      }
      return this;
    }

    /**
     * A date of the years 1 to 9999, reported on its field: Java reads dates far beyond what the
     * database stores, and such a date is a client's mistake, not a server error.
     */
    public Checks storableDate(String field, java.time.LocalDate date) {
      if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
        violations.add(new Violation(field, "must be a date from 0001-01-01 to 9999-12-31"));
      }
      return this;
    }

    public Checks add(String field, String message) {
      violations.add(new Violation(field, message));
      return this;
    }

    public List<Violation> violations() {
      return List.copyOf(violations);
    }
  }
}
