package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.Proctoring;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exam format as a client writes it; every figure a range, an unknown one null. */
@ConsistentFields
@Schema(
    name = "ExamFormatInput",
    description =
        "How a program's exam runs. Each figure is a range (a single stated figure has min = max); unknown figures are null. Item-mix shares are percentages and the smallest shares must fit in one exam (sum of the *PctMin ≤ 100).")
@Input("ExamFormatInput")
@Description(
    "How a program's exam runs. Each figure is a range (a single stated figure has min = max); unknown figures are left out. The smallest item shares must fit in one exam (sum of the *PctMin ≤ 100).")
public record ExamFormatInput(
    @Schema(description = "Exam name", examples = "ACXA exam", maxLength = NAME_MAX)
        @Size(max = NAME_MAX)
        String name,
    @Schema(description = "Duration in minutes, lower bound (> 0)", examples = "90", minimum = "1")
        @Positive
        @Max(10_000)
        Integer durationMinutesMin,
    @Schema(
            description = "Duration in minutes, upper bound (≥ durationMinutesMin)",
            examples = "120",
            minimum = "1")
        @Positive
        @Max(10_000)
        Integer durationMinutesMax,
    @Schema(description = "Number of questions, lower bound (> 0)", examples = "60", minimum = "1")
        @Positive
        @Max(10_000)
        Integer questionCountMin,
    @Schema(
            description = "Number of questions, upper bound (≥ questionCountMin)",
            examples = "80",
            minimum = "1")
        @Positive
        @Max(10_000)
        Integer questionCountMax,
    @Schema(
            description = "Share of multiple-choice items in percent, lower bound",
            examples = "70",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer multipleChoicePctMin,
    @Schema(
            description = "Share of multiple-choice items in percent, upper bound",
            examples = "80",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer multipleChoicePctMax,
    @Schema(
            description = "Share of scenario items in percent, lower bound",
            examples = "20",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer scenarioPctMin,
    @Schema(
            description = "Share of scenario items in percent, upper bound",
            examples = "30",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer scenarioPctMax,
    @Schema(
            description = "Share of practical items in percent, lower bound",
            examples = "0",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer practicalPctMin,
    @Schema(
            description = "Share of practical items in percent, upper bound",
            examples = "10",
            minimum = "0",
            maximum = "100")
        @Min(0)
        @Max(100)
        Integer practicalPctMax,
    @Schema(
            description =
                "Passing score, lower bound (≥ 0; ≤ 100 on the PERCENT scale, ≤ passingScoreScaleMax otherwise)",
            examples = "70",
            minimum = "0")
        @DecimalMin("0")
        @Digits(integer = 5, fraction = 2)
        BigDecimal passingScoreMin,
    @Schema(
            description = "Passing score, upper bound (≥ passingScoreMin)",
            examples = "75",
            minimum = "0")
        @DecimalMin("0")
        @Digits(integer = 5, fraction = 2)
        BigDecimal passingScoreMax,
    @Schema(description = "Scale of the passing score", examples = "PERCENT")
        PassingScale passingScoreScale,
    @Schema(
            description = "Top of a SCALED passing score (e.g. 1000 for 700/1000)",
            examples = "1000",
            minimum = "1")
        @Positive
        @Max(100_000)
        Integer passingScoreScaleMax,
    @Schema(
            description =
                "The passing score on every scale the source states, primary first (at most 10), e.g. 70–75 PERCENT and 700 of 1000 SCALED. passingScoreMin/Max/Scale/ScaleMax are the primary (first) entry: send either form, or both alike. Left out, the list is the primary scale alone.",
            maxItems = PassingScoreInput.LIST_MAX)
        @Nullable
        @Description(
            "The passing score on every scale the source states, primary first; passingScoreMin/Max/Scale/ScaleMax are the first entry")
        @Size(max = PassingScoreInput.LIST_MAX)
        List<@Nullable @NotNull @Valid PassingScoreInput> passingScores,
    @Schema(
            description = "Where the exam can be taken (at most 50)",
            examples = "[\"REMOTE\", \"TEST_CENTER\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<@Nullable @NotNull Proctoring> proctoring,
    @Schema(
            description = "Slugs of the providers (test vendors) delivering the exam (at most 50)",
            examples = "[\"pearson-vue\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Description("Slugs of the providers delivering the exam")
        @Size(max = LIST_MAX)
        List<
                @Nullable @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
                @Size(max = SLUG_MAX) String>
            testVendors,
    @Schema(description = "Attempts allowed per retake window (> 0)", examples = "3", minimum = "1")
        @Positive
        @Max(1000)
        Integer retakeAttempts,
    @Schema(
            description = "Length of the retake window in months (> 0)",
            examples = "12",
            minimum = "1")
        @Positive
        @Max(1200)
        Integer retakeWindowMonths,
    @Schema(description = "Days to wait between attempts", examples = "14", minimum = "0")
        @PositiveOrZero
        @Max(3650)
        Integer retakeWaitDays,
    @Schema(
            description = "Exam languages as BCP 47 tags (at most 50)",
            examples = "[\"en\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<
                @Nullable @NotNull @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE)
                @Size(max = 35) String>
            languages,
    @Schema(description = "Extra minutes granted as accommodation", examples = "30", minimum = "0")
        @PositiveOrZero
        @Max(10_000)
        Integer accommodationExtraMinutes,
    @Schema(
            description = "What the source says beyond the figures",
            examples = "Closed book.",
            maxLength = NOTE_MAX)
        @Size(max = NOTE_MAX)
        String note,
    @Schema(
            description = "Slug of an existing source",
            examples = "guide-cx-certifications-cxpa",
            pattern = SLUG)
        @Description("Slug of an existing source")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String source)
    implements CrossFieldRules {

  @Override
  public List<Violation> crossFieldViolations() {
    Checks checks =
        new Checks()
            .notBelow(
                "durationMinutesMax", durationMinutesMax, "durationMinutesMin", durationMinutesMin)
            .notBelow("questionCountMax", questionCountMax, "questionCountMin", questionCountMin)
            .notBelow(
                "multipleChoicePctMax",
                multipleChoicePctMax,
                "multipleChoicePctMin",
                multipleChoicePctMin)
            .notBelow("scenarioPctMax", scenarioPctMax, "scenarioPctMin", scenarioPctMin)
            .notBelow("practicalPctMax", practicalPctMax, "practicalPctMin", practicalPctMin);
    int smallestShares = nz(multipleChoicePctMin) + nz(scenarioPctMin) + nz(practicalPctMin);
    if (smallestShares > 100) {
      String message =
          "the smallest item shares add up to "
              + smallestShares
              + "% (multipleChoicePctMin + scenarioPctMin + practicalPctMin must be at most 100)";
      if (multipleChoicePctMin != null) {
        checks.add("multipleChoicePctMin", message);
      }
      if (scenarioPctMin != null) {
        checks.add("scenarioPctMin", message);
      }
      if (practicalPctMin != null) {
        checks.add("practicalPctMin", message);
      }
    }
    PassingScoreInput.rules(
        checks,
        "passingScoreMin",
        "passingScoreMax",
        "passingScoreScaleMax",
        passingScoreMin,
        passingScoreMax,
        passingScoreScale,
        passingScoreScaleMax);
    if (passingScores != null
        && !passingScores.isEmpty()
        && passingScores.get(0) != null
        && hasPrimaryFields()
        && !passingScores
            .get(0)
            .sameAs(passingScoreMin, passingScoreMax, passingScoreScale, passingScoreScaleMax)) {
      checks.add(
          "passingScores",
          "its first entry must state the same score as passingScoreMin, passingScoreMax,"
              + " passingScoreScale and passingScoreScaleMax (the primary scale): send one form,"
              + " or both alike");
    }
    return checks.violations();
  }

  /**
   * The passing score on every scale, primary first: the list when one is given, else the primary
   * scale of the passingScore* fields alone, else none.
   */
  public List<PassingScoreInput> allPassingScores() {
    if (passingScores != null && !passingScores.isEmpty()) {
      return passingScores;
    }
    return hasPrimaryFields()
        ? List.of(
            new PassingScoreInput(
                passingScoreScale, passingScoreMin, passingScoreMax, passingScoreScaleMax))
        : List.of();
  }

  private boolean hasPrimaryFields() {
    return passingScoreMin != null
        || passingScoreMax != null
        || passingScoreScale != null
        || passingScoreScaleMax != null;
  }

  private static int nz(Integer value) {
    return value == null ? 0 : value;
  }
}
