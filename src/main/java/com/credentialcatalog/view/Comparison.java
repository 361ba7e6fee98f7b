package com.credentialcatalog.view;

import com.credentialcatalog.domain.PriceAudience;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Programs side by side: a row per attribute, a column per program, and computed findings. */
@Schema(
    requiredProperties = {"horizonYears"},
    description =
        "A comparison of 2–10 programs. Every row's values align with `programs` (one column per program); null = unknown.")
public record Comparison(
    @Schema(description = "The compared program slugs, in request order (the columns)") @NonNull
        List<@NonNull String> programs,
    @Schema(examples = "3") int horizonYears,
    PriceAudience audience,
    @Schema(examples = "USD") String currency,
    @NonNull List<@NonNull Row> rows,
    @Schema(description = "Who is best on each measure, with the value") @NonNull
        List<@NonNull Finding> findings,
    @Schema(
            description =
                "Per program, how far it is from the best on each measure (0 = best, null = unknown)")
        @NonNull
        List<@NonNull Difference> differences,
    @Schema(description = "The cost of ownership behind the cost rows, per program") @NonNull
        List<@NonNull CostOfOwnership> costs) {

  @Schema(description = "One attribute across the programs.")
  public record Row(
      @Schema(examples = "examMinutes") @NonNull String attribute,
      @Schema(examples = "Exam duration (minutes)") @NonNull String label,
      @Schema(
              description = "One value per program, in column order; null = unknown",
              examples = "[\"120\", \"90–120\"]")
          @NonNull
          List<String> values) {}

  @Schema(description = "A measure and the program(s) best on it.")
  public record Finding(
      @Schema(examples = "CHEAPEST_OVER_HORIZON") @NonNull String measure,
      @Schema(examples = "Cheapest over 3 years") @NonNull String label,
      @Schema(description = "Best program slugs (several on a tie)") @NonNull
          List<@NonNull String> best,
      @Schema(description = "The best value", examples = "348.00") BigDecimal value,
      @Schema(examples = "USD") String unit) {}

  @Schema(description = "One program's distance to the best on each measure.")
  public record Difference(
      @Schema(examples = "ccxp") @NonNull String program,
      @Schema(
              description = "Lower bound of the cost over the horizon minus the best one's",
              examples = "102.00")
          BigDecimal costOverHorizon,
      @Schema(description = "Minutes more than the shortest exam", examples = "30")
          BigDecimal examMinutes,
      @Schema(description = "Months more than the lowest experience bar", examples = "36")
          BigDecimal experienceMonths,
      @Schema(description = "Renewal cost per year above the lowest", examples = "0.00")
          BigDecimal renewalCostPerYear) {}
}
