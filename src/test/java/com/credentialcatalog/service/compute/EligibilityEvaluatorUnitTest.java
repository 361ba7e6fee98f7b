package com.credentialcatalog.service.compute;

import static com.credentialcatalog.service.compute.ProgramFixtures.condition;
import static com.credentialcatalog.service.compute.ProgramFixtures.prerequisite;
import static com.credentialcatalog.service.compute.ProgramFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.request.EligibilityProfile;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramEligibility;
import com.credentialcatalog.view.ProgramEligibility.ConditionResult;
import com.credentialcatalog.view.ProgramEligibility.Status;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Eligibility: every condition of any one route must hold; unknown answers are never "met". */
class EligibilityEvaluatorUnitTest {

  private static final ProgramDetail TWO_ROUTES =
      program("ccxp")
          .route(
              "Experience",
              condition(ConditionKind.EXPERIENCE_MONTHS, 6, 12),
              condition(ConditionKind.MIN_AGE, 18, null))
          .route(
              "Course",
              condition(ConditionKind.COURSE_HOURS, 40, null),
              condition(ConditionKind.ATTESTATION, null, null))
          .build();

  @Test
  void shouldBeEligibleViaTheFirstRouteThatHolds() {
    ProgramEligibility result = EligibilityEvaluator.evaluate(TWO_ROUTES, profile(30, 2, 40));

    assertThat(result.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(result.eligibleVia()).isEqualTo("Course");
    assertThat(result.routes().get(0).missing())
        .extracting(ConditionResult::gap)
        .containsExactly("4 more months of experience (some providers ask 12)");
    assertThat(result.routes().get(1).alsoRequired())
        .extracting(ConditionResult::gap)
        .containsExactly("Done when applying");
  }

  @Test
  void shouldMeetARangedThresholdAtItsLowerBound() {
    ProgramEligibility result = EligibilityEvaluator.evaluate(TWO_ROUTES, profile(18, 6, null));

    assertThat(result.eligibleVia()).isEqualTo("Experience");
  }

  @Test
  void shouldSayUnknownRatherThanNotEligibleWhenAnAnswerIsMissing() {
    ProgramEligibility result = EligibilityEvaluator.evaluate(TWO_ROUTES, profile(null, 12, 0));

    assertThat(result.status()).isEqualTo(Status.UNKNOWN);
    assertThat(result.routes().get(0).unknown())
        .extracting(ConditionResult::gap)
        .containsExactly("Age not given");
  }

  @Test
  void shouldBeNotEligibleWhenEveryRouteMissesACondition() {
    assertThat(EligibilityEvaluator.evaluate(TWO_ROUTES, profile(17, 0, 0)).status())
        .isEqualTo(Status.NOT_ELIGIBLE);
  }

  @Test
  void shouldBeUnknownForAProgramWithoutRoutes() {
    assertThat(EligibilityEvaluator.evaluate(program("x").build(), profile(40, 100, 100)).status())
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void shouldMatchAPrerequisiteCaseInsensitivelyAndNameItWhenMissing() {
    ProgramDetail p = program("x").route("Holder", prerequisite("CCXP")).build();

    assertThat(EligibilityEvaluator.evaluate(p, held(List.of("ccxp"))).status())
        .isEqualTo(Status.ELIGIBLE);
    ProgramEligibility missing = EligibilityEvaluator.evaluate(p, held(List.of("cxpa")));
    assertThat(missing.status()).isEqualTo(Status.NOT_ELIGIBLE);
    assertThat(missing.routes().get(0).missing())
        .extracting(ConditionResult::gap)
        .containsExactly("Earn CCXP first");
  }

  @Test
  void shouldNotCountAThresholdTheSourceDoesNotStateAsMet() {
    ProgramDetail p =
        program("x").route("Any", condition(ConditionKind.EXPERIENCE_MONTHS, null, null)).build();

    ProgramEligibility result = EligibilityEvaluator.evaluate(p, profile(40, 1000, 1000));

    assertThat(result.status()).isEqualTo(Status.UNKNOWN);
    assertThat(result.routes().get(0).unknown())
        .extracting(ConditionResult::gap)
        .containsExactly("The source does not state the required months of experience");
  }

  /** More experience never makes a candidate less eligible. */
  @Property(tries = 300)
  void moreExperienceShouldNeverHurt(
      @ForAll @IntRange(max = 240) int months,
      @ForAll @IntRange(max = 60) int more,
      @ForAll @IntRange(max = 120) int bar) {
    ProgramDetail p =
        program("x")
            .route("Experience", condition(ConditionKind.EXPERIENCE_MONTHS, bar, null))
            .build();

    Status before = EligibilityEvaluator.evaluate(p, profile(30, months, 0)).status();
    Status after = EligibilityEvaluator.evaluate(p, profile(30, months + more, 0)).status();

    assertThat(before).isEqualTo(months >= bar ? Status.ELIGIBLE : Status.NOT_ELIGIBLE);
    if (before == Status.ELIGIBLE) {
      assertThat(after).isEqualTo(Status.ELIGIBLE);
    }
  }

  private static EligibilityProfile profile(
      Integer age, Integer experienceMonths, Integer courseHours) {
    return new EligibilityProfile(age, experienceMonths, null, courseHours, null, null);
  }

  private static EligibilityProfile held(List<String> credentials) {
    return new EligibilityProfile(null, null, null, null, credentials, null);
  }
}
