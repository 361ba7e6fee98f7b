package com.credentialcatalog.service.compute;

import static com.credentialcatalog.service.compute.ProgramFixtures.TODAY;
import static com.credentialcatalog.service.compute.ProgramFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.IntRange;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The cost of ownership rules, without a database: the figures the cost endpoint answers. */
class CostOfOwnershipCalculatorUnitTest {

  @Test
  void shouldAddRequiredFeesAndCountRenewalsByTheLongestAndShortestCycle() {
    var p =
        program("ccxp")
            .fee(FeeType.APPLICATION, "50", "50")
            .fee(FeeType.EXAM, "400", "500")
            .fee(FeeType.RENEWAL, "100", "150")
            .renewal(2, 3)
            .build();

    CostOfOwnership cost = CostOfOwnershipCalculator.compute(p, 6, null, "USD", TODAY);

    assertThat(cost.initial()).isEqualTo(range("450.00", "550.00"));
    assertThat(cost.renewalCount()).isEqualTo(new IntRange(2, 3)); // 6/3 .. 6/2
    assertThat(cost.renewals()).isEqualTo(range("200.00", "450.00"));
    assertThat(cost.total()).isEqualTo(range("650.00", "1000.00"));
    assertThat(cost.perYear()).isEqualTo(range("108.33", "166.67"));
    assertThat(cost.complete()).isTrue();
    assertThat(cost.lineItems())
        .extracting(CostOfOwnership.LineItem::label)
        .containsExactly("Application fee", "Exam fee", "Renewal fee");
  }

  @Test
  void shouldLeaveOutOptionalFeesAndPricesNotInForce() {
    var p =
        program("x")
            .fee(FeeType.EXAM, "300", "300")
            .price(FeeType.BOOTCAMP, "2000", "2000", "USD", PriceAudience.ANY, false)
            .price(
                FeeType.APPLICATION,
                "80",
                "80",
                "USD",
                PriceAudience.ANY,
                true,
                TODAY.plusDays(1),
                null)
            .price(FeeType.COURSE, "90", "90", "USD", PriceAudience.ANY, true, null, TODAY)
            .renewal(3, 3)
            .build();

    CostOfOwnership cost = CostOfOwnershipCalculator.compute(p, 3, null, "USD", TODAY);

    assertThat(cost.initial()).isEqualTo(range("300.00", "300.00"));
    // A cycle is known but no renewal fee: renewals are unknown, so the cost is incomplete.
    assertThat(cost.renewals()).isNull();
    assertThat(cost.complete()).isFalse();
    assertThat(cost.assumptions()).anyMatch(a -> a.contains("renewal fee is not known"));
  }

  @Test
  void shouldPickTheAudiencesPriceAndFallBackToThePriceForAnyone() {
    var p =
        program("x")
            .price(FeeType.EXAM, "300", "300", "USD", PriceAudience.MEMBER, true)
            .price(FeeType.EXAM, "450", "450", "USD", PriceAudience.NON_MEMBER, true)
            .price(FeeType.APPLICATION, "25", "25", "USD", PriceAudience.ANY, true)
            .build();

    assertThat(
            CostOfOwnershipCalculator.compute(p, 1, PriceAudience.MEMBER, "USD", TODAY).initial())
        .isEqualTo(range("325.00", "325.00"));
    assertThat(
            CostOfOwnershipCalculator.compute(p, 1, PriceAudience.NON_MEMBER, "USD", TODAY)
                .initial())
        .isEqualTo(range("475.00", "475.00"));
    assertThat(CostOfOwnershipCalculator.compute(p, 1, PriceAudience.ANY, "USD", TODAY).initial())
        .isEqualTo(range("325.00", "475.00"));
  }

  @Test
  void shouldRefuseToGuessAmongSeveralCurrenciesAndNeverMixThem() {
    var p =
        program("x")
            .fee(FeeType.EXAM, "300", "300")
            .price(FeeType.APPLICATION, "40", "40", "EUR", PriceAudience.ANY, true)
            .build();

    assertThatThrownBy(() -> CostOfOwnershipCalculator.compute(p, 3, null, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("currency"))
        .hasMessageContaining("[EUR, USD]");
    assertThat(CostOfOwnershipCalculator.compute(p, 3, null, "EUR", TODAY).initial())
        .isEqualTo(range("40.00", "40.00"));
  }

  @Test
  void shouldReportAnUnknownInitialCostWhenNoRequiredFeeIsPriced() {
    var p = program("x").price(FeeType.EXAM, "300", "300", "EUR", PriceAudience.ANY, true).build();

    CostOfOwnership cost = CostOfOwnershipCalculator.compute(p, 3, null, "USD", TODAY);

    assertThat(cost.initial()).isNull();
    assertThat(cost.total()).isNull();
    assertThat(cost.complete()).isFalse();
  }

  @Test
  void shouldTreatValidFromAsInclusiveAndValidToAsExclusive() {
    var p =
        program("x")
            .price(FeeType.EXAM, "1", "1", "USD", PriceAudience.ANY, true, TODAY, TODAY.plusDays(1))
            .build()
            .prices()
            .get(0);

    assertThat(CostOfOwnershipCalculator.inForce(p, TODAY)).isTrue();
    assertThat(CostOfOwnershipCalculator.inForce(p, TODAY.minusDays(1))).isFalse();
    assertThat(CostOfOwnershipCalculator.inForce(p, TODAY.plusDays(1))).isFalse();
  }

  /** The list's figures from aggregated inputs must agree with the full computation. */
  @Property(tries = 300)
  void figuresShouldAgreeWithCompute(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) int examCents,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 50_000) int spreadCents,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 20_000) int renewalCents,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int cycleMin,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4) int cycleSpread,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 50) int horizon) {
    String exam = cents(examCents);
    String examMax = cents(examCents + spreadCents);
    String renewal = cents(renewalCents);
    var p =
        program("x")
            .fee(FeeType.EXAM, exam, examMax)
            .fee(FeeType.RENEWAL, renewal, renewal)
            .renewal(cycleMin, cycleMin + cycleSpread)
            .build();

    CostOfOwnership cost = CostOfOwnershipCalculator.compute(p, horizon, null, "USD", TODAY);
    var figures =
        CostOfOwnershipCalculator.figures(
            new BigDecimal(exam),
            new BigDecimal(examMax),
            new BigDecimal(renewal),
            new BigDecimal(renewal),
            cycleMin,
            cycleMin + cycleSpread,
            horizon);

    assertThat(figures.initial()).isEqualTo(cost.initial());
    assertThat(figures.total()).isEqualTo(cost.total());
    assertThat(cost.total().min()).isLessThanOrEqualTo(cost.total().max());
    assertThat(cost.total().min()).isGreaterThanOrEqualTo(cost.initial().min());
  }

  /** A longer horizon never costs less: renewals only add up. */
  @Property(tries = 200)
  void costShouldNotDecreaseWithTheHorizon(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) int renewalCents,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 10) int cycle,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 49) int horizon) {
    var p =
        program("x")
            .fee(FeeType.EXAM, "100", "200")
            .fee(FeeType.RENEWAL, cents(renewalCents), cents(renewalCents))
            .renewal(cycle, cycle)
            .build();

    DecimalRange shorter =
        CostOfOwnershipCalculator.compute(p, horizon, null, "USD", TODAY).total();
    DecimalRange longer =
        CostOfOwnershipCalculator.compute(p, horizon + 1, null, "USD", TODAY).total();

    assertThat(longer.min()).isGreaterThanOrEqualTo(shorter.min());
    assertThat(longer.max()).isGreaterThanOrEqualTo(shorter.max());
  }

  private static String cents(int cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static DecimalRange range(String min, String max) {
    return new DecimalRange(new BigDecimal(min), new BigDecimal(max));
  }
}
