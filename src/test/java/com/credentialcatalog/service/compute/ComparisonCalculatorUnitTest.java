package com.credentialcatalog.service.compute;

import static com.credentialcatalog.service.compute.ProgramFixtures.TODAY;
import static com.credentialcatalog.service.compute.ProgramFixtures.condition;
import static com.credentialcatalog.service.compute.ProgramFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.view.Comparison;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonCalculatorUnitTest {

  private final Comparison comparison =
      ComparisonCalculator.compare(
          List.of(
              program("cheap")
                  .fee(FeeType.EXAM, "300", "300")
                  .fee(FeeType.RENEWAL, "100", "100")
                  .renewal(3, 3)
                  .exam(120, 120)
                  .route("r", condition(ConditionKind.EXPERIENCE_MONTHS, 12, null))
                  .build(),
              program("dear").fee(FeeType.EXAM, "500", "600").exam(90, 90).route("r").build(),
              program("unpriced").exam(90, 90).build()),
          3,
          null,
          null,
          TODAY);

  @Test
  void shouldCountInUsdWhenNoCurrencyIsGiven() {
    assertThat(comparison.currency()).isEqualTo("USD");
    assertThat(comparison.costs()).extracting(c -> c.currency()).containsOnly("USD");
  }

  @Test
  void shouldLabelRowsWithTheHorizonAndShowRangesPlainly() {
    Comparison.Row total = row("costOfOwnership");

    assertThat(total.label()).isEqualTo("Cost over 3 years (USD)");
    assertThat(total.values()).containsExactly("400", "500–600", null);
    assertThat(row("examMinutes").values()).containsExactly("120", "90", "90");
  }

  @Test
  void shouldNameEveryWinnerOfAFindingAndSkipUnknowns() {
    assertThat(finding("CHEAPEST_OVER_HORIZON").best()).containsExactly("cheap");
    assertThat(finding("CHEAPEST_OVER_HORIZON").value()).isEqualByComparingTo("400");
    assertThat(finding("SHORTEST_EXAM").best()).containsExactly("dear", "unpriced");
    assertThat(finding("LOWEST_EXPERIENCE_BAR").best()).containsExactly("dear");
  }

  @Test
  void shouldGiveEachProgramsDistanceFromTheBest() {
    Comparison.Difference dear = comparison.differences().get(1);
    Comparison.Difference unpriced = comparison.differences().get(2);

    assertThat(dear.costOverHorizon()).isEqualByComparingTo(new BigDecimal("100"));
    assertThat(dear.examMinutes()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(unpriced.costOverHorizon()).isNull();
  }

  private Comparison.Row row(String attribute) {
    return comparison.rows().stream()
        .filter(r -> r.attribute().equals(attribute))
        .findFirst()
        .orElseThrow();
  }

  private Comparison.Finding finding(String measure) {
    return comparison.findings().stream()
        .filter(f -> f.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }
}
