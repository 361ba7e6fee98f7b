package com.credentialcatalog.service.compute;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.ProgramDetail;
import java.util.Objects;

/** Single figures derived from a program's detail, shared by lists, comparison and GraphQL. */
public final class ProgramMeasures {

  private ProgramMeasures() {}

  /** The shortest exam duration in minutes (lower bound), or null when no duration is known. */
  public static Integer shortestExamMinutes(ProgramDetail program) {
    return program.exams().stream()
        .map(ExamFormatView::durationMinutes)
        .filter(Objects::nonNull)
        .map(IntRange::min)
        .filter(Objects::nonNull)
        .min(Integer::compare)
        .orElse(null);
  }

  /**
   * Months of experience the easiest route asks (0 for a route without an experience condition), or
   * null when no route is known or every route's amount is unknown.
   */
  public static Integer easiestExperienceMonths(ProgramDetail program) {
    Integer best = null;
    for (EligibilityRouteView route : program.eligibility()) {
      Integer needed = 0;
      for (EligibilityRouteView.Condition c : route.conditions()) {
        if (c.kind() == ConditionKind.EXPERIENCE_MONTHS) {
          Integer bar = c.value() == null ? null : c.value().min();
          needed = bar == null || needed == null ? null : Math.max(needed, bar);
        }
      }
      if (needed != null && (best == null || needed < best)) {
        best = needed;
      }
    }
    return best;
  }
}
