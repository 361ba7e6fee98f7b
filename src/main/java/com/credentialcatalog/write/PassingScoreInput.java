package com.credentialcatalog.write;

import com.credentialcatalog.domain.PassingScale;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A passing score on one scale, as a client writes it. */
@ConsistentFields
@Schema(
    name = "PassingScoreInput",
    description =
        "A passing score on one scale: min–max on the PERCENT scale (of 100) or on a SCALED one (of scaleMax). A single stated score has min = max.")
@Input("PassingScoreInput")
@Description(
    "A passing score on one scale: min–max on the PERCENT scale (of 100) or on a SCALED one (of scaleMax).")
public record PassingScoreInput(
    @Schema(description = "Scale of the score", examples = "SCALED", required = true) @NotNull
        PassingScale scale,
    @Schema(description = "Passing score, lower bound (≥ 0)", examples = "700", minimum = "0")
        @DecimalMin("0")
        @Digits(integer = 5, fraction = 2)
        BigDecimal min,
    @Schema(description = "Passing score, upper bound (≥ min)", examples = "700", minimum = "0")
        @DecimalMin("0")
        @Digits(integer = 5, fraction = 2)
        BigDecimal max,
    @Schema(description = "Top of the scale (100 for PERCENT)", examples = "1000", minimum = "1")
        @Positive
        @Max(100_000)
        Integer scaleMax)
    implements CrossFieldRules {

  /** At most this many scales per exam. */
  public static final int LIST_MAX = 10;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Override
  public List<Violation> crossFieldViolations() {
    Checks checks = new Checks();
    if (min == null && max == null) {
      checks.add("min", "min or max is required: a passing score states at least one figure");
    }
    return rules(checks, "min", "max", "scaleMax", min, max, scale, scaleMax).violations();
  }

  /**
   * The rules of one passing score, for this record and for the primary-scale fields of {@link
   * ExamFormatInput}: max ≥ min, at most 100 on the PERCENT scale, at most the top of the scale.
   */
  static Checks rules(
      Checks checks,
      String minField,
      String maxField,
      String scaleMaxField,
      BigDecimal min,
      BigDecimal max,
      PassingScale scale,
      Integer scaleMax) {
    checks.notBelow(maxField, max, minField, min);
    if (scale == PassingScale.PERCENT) {
      checks
          .atMost(minField, min, HUNDRED, "on the PERCENT scale")
          .atMost(maxField, max, HUNDRED, "on the PERCENT scale");
    }
    if (scaleMax != null) {
      BigDecimal top = BigDecimal.valueOf(scaleMax);
      checks
          .atMost(minField, min, top, "(" + scaleMaxField + ")")
          .atMost(maxField, max, top, "(" + scaleMaxField + ")");
    }
    return checks;
  }

  /** Whether this entry states the same score as the primary-scale fields. */
  boolean sameAs(BigDecimal min, BigDecimal max, PassingScale scale, Integer scaleMax) {
    return equal(this.min, min)
        && equal(this.max, max)
        && this.scale == scale
        && java.util.Objects.equals(this.scaleMax, scaleMax);
  }

  private static boolean equal(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
