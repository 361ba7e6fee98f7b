package com.credentialcatalog.view;

import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.Proctoring;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an exam runs. */
@Schema(
    requiredProperties = {"id"},
    description = "An exam format: length, items, passing score, proctoring and retakes.")
public record ExamFormatView(
    @Schema(description = "Internal identifier", examples = "3") long id,
    @Schema(
            description =
                "CTDL identifier of the exam (its ceterms:AssessmentProfile in the CTDL export)",
            examples = "ce-5b9d3a8e-2f4c-4d1a-9c7e-0a1b2c3d4e5f")
        String ctid,
    @Schema(description = "Exam name", examples = "CCXP exam") String name,
    @Schema(description = "Duration in minutes") IntRange durationMinutes,
    @Schema(description = "Number of questions") IntRange questionCount,
    @Schema(description = "Share of item kinds in percent") ItemMix itemMix,
    @Schema(description = "Passing score on the primary scale (the first of passingScores)")
        PassingScore passingScore,
    @Schema(
            description =
                "Passing score on every scale the source states, primary first (e.g. 70–75 PERCENT and 700 of 1000 SCALED); empty when unknown")
        List<PassingScore> passingScores,
    @Schema(description = "Where the exam can be taken") List<Proctoring> proctoring,
    @Schema(description = "Test vendors delivering the exam") List<ProviderSummary> testVendors,
    @Schema(description = "Retake rule") RetakeRule retake,
    @Schema(description = "Exam languages (BCP 47)") List<String> languages,
    @Schema(description = "Extra minutes granted as accommodation", examples = "30")
        Integer accommodationExtraMinutes,
    @Schema(description = "What the source says beyond the figures") String note,
    @Schema(description = "Source slug") String source) {

  @Schema(description = "Item mix in percent; each kind a range.")
  public record ItemMix(IntRange multipleChoice, IntRange scenario, IntRange practical) {}

  @Schema(description = "Passing score range on a scale (PERCENT of 100, or SCALED of scaleMax).")
  public record PassingScore(
      @Schema(examples = "70") BigDecimal min,
      @Schema(examples = "75") BigDecimal max,
      @Schema(examples = "PERCENT") PassingScale scale,
      @Schema(examples = "100") Integer scaleMax) {}

  @Schema(description = "Attempts allowed per window and the wait between attempts.")
  public record RetakeRule(
      @Schema(examples = "3") Integer attempts,
      @Schema(examples = "12") Integer windowMonths,
      @Schema(examples = "14") Integer waitDays) {}
}
