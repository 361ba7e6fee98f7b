package com.credentialcatalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.query.InvalidInputException.Kind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounds of query input, without a server: what both surfaces accept and how they refuse. */
class BoundsTest {

  @ParameterizedTest
  @ValueSource(strings = {"usd", "US", "USDX", "U5D", ""})
  void shouldRefuseACurrencyThatIsNotAnIso4217Code(String currency) {
    assertThatThrownBy(() -> Bounds.currency("currency", currency))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("currency");
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.getMessage()).isEqualTo("currency must be an ISO 4217 code such as USD");
            });
  }

  @Test
  void shouldAcceptIsoCodesAndNull() {
    assertThat(Bounds.currency("currency", "EUR")).isEqualTo("EUR");
    assertThat(Bounds.currency("currency", null)).isNull();
    assertThat(Bounds.region("region", "GLOBAL")).isEqualTo("GLOBAL");
    assertThat(Bounds.region("region", "DE")).isEqualTo("DE");
    assertThat(Bounds.country("country", "US")).isEqualTo("US");
  }

  @Test
  void shouldRefuseAGlobalCountryButNotAGlobalRegion() {
    assertThatThrownBy(() -> Bounds.country("country", "GLOBAL"))
        .hasMessage("country must be an ISO 3166 alpha-2 code such as US");
    assertThatThrownBy(() -> Bounds.region("recognizedIn", "usa"))
        .hasMessage("recognizedIn must be an ISO 3166 alpha-2 code such as US, or GLOBAL");
  }

  @Test
  void shouldBoundTheSearchTextAt200Characters() {
    assertThat(Bounds.text("q", "x".repeat(200))).hasSize(200);
    assertThatThrownBy(() -> Bounds.text("q", "x".repeat(201)))
        .hasMessage("q must be at most 200 characters");
  }

  @Test
  void shouldRefuseNegativeAndAstronomicalAmounts() {
    assertThat(Bounds.amount("priceMin", new BigDecimal("1e12"))).isEqualByComparingTo("1e12");
    assertThatThrownBy(() -> Bounds.amount("priceMin", new BigDecimal("-1")))
        .hasMessage("priceMin must not be negative");
    assertThatThrownBy(() -> Bounds.amount("priceMax", new BigDecimal("1.0000001e12")))
        .hasMessage("priceMax is out of range");
    // Negative wins over too large: both surfaces used to disagree on -2e12.
    assertThatThrownBy(() -> Bounds.amount("priceMax", new BigDecimal("-2e12")))
        .hasMessage("priceMax must not be negative");
  }

  @Test
  void shouldTakeNullAsTheDefaultHorizonAndRefuseOutsideOneToFifty() {
    assertThat(Bounds.horizonYears(null)).isEqualTo(3);
    assertThat(Bounds.horizonYears(1)).isEqualTo(1);
    assertThat(Bounds.horizonYears(50)).isEqualTo(50);
    for (int bad : new int[] {0, 51, -3}) {
      assertThatThrownBy(() -> Bounds.horizonYears(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.field()).isEqualTo("horizonYears");
                assertThat(e.getMessage()).isEqualTo("horizonYears must be between 1 and 50");
              });
    }
  }

  @Test
  void shouldTakeNullAsTheDefaultPageSizeAndRefuseOutsideOneToAHundred() {
    assertThat(Bounds.pageSize(null)).isEqualTo(20);
    assertThat(Bounds.pageSize(100)).isEqualTo(100);
    assertThatThrownBy(() -> Bounds.pageSize(0)).hasMessage("limit must be between 1 and 100");
    assertThatThrownBy(() -> Bounds.pageSize(101)).hasMessage("limit must be between 1 and 100");
  }

  @Test
  void shouldBoundListsAtFiftyValuesWithoutNulls() {
    assertThat(Bounds.values("levels", null)).isEmpty();
    assertThat(Bounds.values("levels", Collections.nCopies(50, "x"))).hasSize(50);
    assertThatThrownBy(() -> Bounds.values("levels", Collections.nCopies(51, "x")))
        .hasMessage("at most 50 values for levels");
    assertThatThrownBy(() -> Bounds.values("levels", Arrays.asList("A", null)))
        .hasMessage("levels must not contain null");
  }

  @Test
  void shouldRefuseLongTextValues() {
    assertThat(Bounds.strings("languages", List.of("en", "x".repeat(100)))).hasSize(2);
    assertThatThrownBy(() -> Bounds.strings("providers", List.of("x".repeat(101))))
        .hasMessage("providers values must be at most 100 characters");
  }
}
