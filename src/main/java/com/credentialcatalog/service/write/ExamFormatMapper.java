package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.PassingScore;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PassingScoreInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Exam formats ↔ {@link ExamFormatInput}. */
@ApplicationScoped
public class ExamFormatMapper implements EntityMapper<ExamFormat, ExamFormatInput> {

  private final WriteGuard guard;

  public ExamFormatMapper(WriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public ExamFormatInput input(ExamFormat e) {
    return new ExamFormatInput(
        e.name,
        e.durationMinutesMin,
        e.durationMinutesMax,
        e.questionCountMin,
        e.questionCountMax,
        e.multipleChoicePctMin,
        e.multipleChoicePctMax,
        e.scenarioPctMin,
        e.scenarioPctMax,
        e.practicalPctMin,
        e.practicalPctMax,
        e.passingScoreMin,
        e.passingScoreMax,
        e.passingScoreScale,
        e.passingScoreScaleMax,
        // A PATCH base states each score once: several scales as the list, one as the fields.
        e.passingScores.size() > 1
            ? e.passingScores.stream()
                .map(p -> new PassingScoreInput(p.scale(), p.min(), p.max(), p.scaleMax()))
                .toList()
            : null,
        ProgramAssembler.enums(e.proctoring, Proctoring.class),
        e.testVendors.stream().map(p -> p.slug).sorted().toList(),
        e.retakeAttempts,
        e.retakeWindowMonths,
        e.retakeWaitDays,
        List.copyOf(e.languages),
        e.accommodationExtraMinutes,
        e.note,
        ColumnValues.slug(e.source));
  }

  @Override
  public void apply(ExamFormat exam, ExamFormatInput input) {
    // Resolved before anything is assigned: an unknown vendor is bad input, not a half-written row.
    List<Provider> vendors =
        List.copyOf(
            guard.providers(ColumnValues.distinct(input.testVendors()), "testVendors").values());
    exam.testVendors.clear();
    exam.testVendors.addAll(new LinkedHashSet<>(vendors));
    exam.name = input.name();
    exam.durationMinutesMin = input.durationMinutesMin();
    exam.durationMinutesMax = input.durationMinutesMax();
    exam.questionCountMin = input.questionCountMin();
    exam.questionCountMax = input.questionCountMax();
    exam.multipleChoicePctMin = input.multipleChoicePctMin();
    exam.multipleChoicePctMax = input.multipleChoicePctMax();
    exam.scenarioPctMin = input.scenarioPctMin();
    exam.scenarioPctMax = input.scenarioPctMax();
    exam.practicalPctMin = input.practicalPctMin();
    exam.practicalPctMax = input.practicalPctMax();
    List<PassingScore> scores =
        input.allPassingScores().stream()
            .map(
                p ->
                    new PassingScore(
                        p.scale(),
                        ColumnValues.money(p.min()),
                        ColumnValues.money(p.max()),
                        p.scaleMax()))
            .toList();
    PassingScore primary = scores.isEmpty() ? null : scores.get(0);
    exam.passingScores = new ArrayList<>(scores);
    exam.passingScoreMin = primary == null ? null : primary.min();
    exam.passingScoreMax = primary == null ? null : primary.max();
    exam.passingScoreScale = primary == null ? null : primary.scale();
    exam.passingScoreScaleMax = primary == null ? null : primary.scaleMax();
    exam.proctoring = ColumnValues.names(input.proctoring());
    exam.retakeAttempts = input.retakeAttempts();
    exam.retakeWindowMonths = input.retakeWindowMonths();
    exam.retakeWaitDays = input.retakeWaitDays();
    exam.languages = ColumnValues.distinct(input.languages());
    exam.accommodationExtraMinutes = input.accommodationExtraMinutes();
    exam.note = input.note();
    exam.source = guard.source(input.source(), "source");
  }
}
