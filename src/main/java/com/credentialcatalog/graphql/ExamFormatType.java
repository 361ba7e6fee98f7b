package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.ProviderSummary;
import com.credentialcatalog.view.write.Versioned;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** How a program's exam runs. */
@Type("ExamFormat")
@Description(
    "An exam format: length, items, passing score, proctoring and retakes. Every figure is a range; unknown = null.")
public record ExamFormatType(
    @NonNull
        @Id
        @Description("Identifier of this exam format (for updateExamFormat, deleteExamFormat)")
        String id,
    @Description(
            "Version for optimistic concurrency: pass it as expectedVersion to change this exam format")
        int version,
    @Description(
            "CTDL identifier (CTID) of the exam: its ceterms:AssessmentProfile in the CTDL export")
        String ctid,
    @Description("Exam name") String name,
    @Description("Duration in minutes") IntRange durationMinutes,
    @Description("Number of questions") IntRange questionCount,
    @Description("Share of item kinds in percent") ItemMix itemMix,
    @Description("Passing score on the primary scale (the first of passingScores)")
        PassingScore passingScore,
    @NonNull
        @Description(
            "Passing score on every scale the source states, primary first (e.g. 70–75 PERCENT and 700 of 1000 SCALED)")
        List<@NonNull PassingScore> passingScores,
    @NonNull @Description("Where the exam can be taken") List<@NonNull Proctoring> proctoring,
    @NonNull @Description("Test vendors delivering the exam")
        List<@NonNull ProviderSummary> testVendors,
    @Description("Retake rule") RetakeRule retake,
    @NonNull @Description("Exam languages (BCP 47)") List<@NonNull String> languages,
    @Description("Extra minutes granted as accommodation") Integer accommodationExtraMinutes,
    @Description("What the source says beyond the figures") String note,
    @Description("Source slug") String source) {

  /** Item mix in percent; each kind a range. */
  @Type("ExamItemMix")
  @Description("Item mix in percent; each kind a range.")
  public record ItemMix(IntRange multipleChoice, IntRange scenario, IntRange practical) {}

  /** Passing score range on a scale. */
  @Type("PassingScore")
  @Description("Passing score range on a scale (PERCENT of 100, or SCALED of scaleMax).")
  public record PassingScore(BigDecimal min, BigDecimal max, PassingScale scale, Integer scaleMax) {
    static PassingScore of(ExamFormatView.PassingScore p) {
      return new PassingScore(p.min(), p.max(), p.scale(), p.scaleMax());
    }
  }

  /** Attempts allowed per window and the wait between attempts. */
  @Type("RetakeRule")
  @Description("Attempts allowed per window and the wait between attempts.")
  public record RetakeRule(Integer attempts, Integer windowMonths, Integer waitDays) {}

  static ExamFormatType of(Versioned<ExamFormatView> v) {
    ExamFormatView e = v.body();
    return new ExamFormatType(
        Long.toString(e.id()),
        Versions.toInt(v.version()),
        e.ctid(),
        e.name(),
        e.durationMinutes(),
        e.questionCount(),
        e.itemMix() == null
            ? null
            : new ItemMix(
                e.itemMix().multipleChoice(), e.itemMix().scenario(), e.itemMix().practical()),
        e.passingScore() == null ? null : PassingScore.of(e.passingScore()),
        e.passingScores().stream().map(PassingScore::of).toList(),
        e.proctoring(),
        e.testVendors(),
        e.retake() == null
            ? null
            : new RetakeRule(
                e.retake().attempts(), e.retake().windowMonths(), e.retake().waitDays()),
        e.languages(),
        e.accommodationExtraMinutes(),
        e.note(),
        e.source());
  }
}
