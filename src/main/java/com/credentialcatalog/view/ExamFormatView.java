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
    @Schema(description = "Exam name", examples = "CCXP exam") String name,
    @Schema(description = "Duration in minutes") IntRange durationMinutes,
    @Schema(description = "Number of questions") IntRange questionCount,
    @Schema(description = "Share of item kinds in percent") ItemMix itemMix,
    @Schema(description = "Passing score") PassingScore passingScore,
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
