package com.credentialcatalog.service.compute;

import static com.credentialcatalog.service.compute.ProgramFixtures.condition;
import static com.credentialcatalog.service.compute.ProgramFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.ConditionKind;
import org.junit.jupiter.api.Test;

class ProgramMeasuresUnitTest {

  @Test
  void shouldTakeTheShortestKnownExamLowerBound() {
    assertThat(
            ProgramMeasures.shortestExamMinutes(
                program("x").exam(180, 240).exam(null, 90).exam(120, 120).build()))
        .isEqualTo(120);
    assertThat(ProgramMeasures.shortestExamMinutes(program("x").exam(null, 90).build())).isNull();
    assertThat(ProgramMeasures.shortestExamMinutes(program("x").build())).isNull();
  }

  @Test
  void shouldTakeTheEasiestRoutesExperienceBar() {
    var p =
        program("x")
            .route(
                "Senior",
                condition(ConditionKind.EXPERIENCE_MONTHS, 24, null),
                condition(ConditionKind.EXPERIENCE_MONTHS, 36, null))
            .route("Junior", condition(ConditionKind.EXPERIENCE_MONTHS, 12, 18))
            .build();

    assertThat(ProgramMeasures.easiestExperienceMonths(p)).isEqualTo(12);
  }

  @Test
  void shouldCountARouteWithoutExperienceAsZeroAndAnUnstatedBarAsUnknown() {
    var withCourseRoute =
        program("x")
            .route("Experience", condition(ConditionKind.EXPERIENCE_MONTHS, 12, null))
            .route("Course", condition(ConditionKind.COURSE_HOURS, 40, null))
            .build();
    var unstated =
        program("x")
            .route("Experience", condition(ConditionKind.EXPERIENCE_MONTHS, null, null))
            .build();

    assertThat(ProgramMeasures.easiestExperienceMonths(withCourseRoute)).isZero();
    assertThat(ProgramMeasures.easiestExperienceMonths(unstated)).isNull();
    assertThat(ProgramMeasures.easiestExperienceMonths(program("x").build())).isNull();
  }
}
