package com.credentialcatalog.service.compute;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.RenewalPolicyView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Program details built in memory for the pure calculators: only the facts a test names are set.
 */
final class ProgramFixtures {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private String slug = "p";
  private final List<PriceView> prices = new ArrayList<>();
  private final List<ExamFormatView> exams = new ArrayList<>();
  private final List<EligibilityRouteView> routes = new ArrayList<>();
  private RenewalPolicyView renewal;

  static ProgramFixtures program(String slug) {
    ProgramFixtures p = new ProgramFixtures();
    p.slug = slug;
    return p;
  }

  ProgramFixtures price(
      FeeType type,
      String min,
      String max,
      String currency,
      PriceAudience audience,
      boolean required) {
    return price(type, min, max, currency, audience, required, null, null);
  }

  ProgramFixtures price(
      FeeType type,
      String min,
      String max,
      String currency,
      PriceAudience audience,
      boolean required,
      LocalDate from,
      LocalDate to) {
    prices.add(
        new PriceView(
            prices.size() + 1,
            type,
            new DecimalRange(new BigDecimal(min), new BigDecimal(max)),
            currency,
            audience,
            null,
            required,
            from,
            to,
            null,
            "src-" + slug));
    return this;
  }

  /** A required fee for anyone, in USD, in force with no dates. */
  ProgramFixtures fee(FeeType type, String min, String max) {
    return price(type, min, max, "USD", PriceAudience.ANY, true);
  }

  ProgramFixtures renewal(Integer cycleMin, Integer cycleMax) {
    renewal =
        new RenewalPolicyView(
            cycleMin == null ? null : new IntRange(cycleMin, cycleMax),
            null,
            null,
            List.of(),
            null,
            List.of(),
            null,
            null,
            0);
    return this;
  }

  ProgramFixtures exam(Integer minutesMin, Integer minutesMax) {
    exams.add(
        new ExamFormatView(
            exams.size() + 1,
            null,
            "exam",
            IntRange.of(minutesMin, minutesMax),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null,
            null,
            null));
    return this;
  }

  ProgramFixtures route(String name, EligibilityRouteView.Condition... conditions) {
    routes.add(new EligibilityRouteView(name, null, List.of(conditions), null));
    return this;
  }

  static EligibilityRouteView.Condition condition(ConditionKind kind, Integer min, Integer max) {
    return new EligibilityRouteView.Condition(
        kind, min == null && max == null ? null : new IntRange(min, max), null, kind + " " + min);
  }

  static EligibilityRouteView.Condition prerequisite(String credential) {
    return new EligibilityRouteView.Condition(
        ConditionKind.PREREQUISITE_CREDENTIAL, null, credential, "holds it");
  }

  ProgramDetail build() {
    return new ProgramDetail(
        slug,
        null,
        "Program " + slug,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.copyOf(prices),
        List.copyOf(exams),
        renewal,
        List.copyOf(routes),
        List.of(),
        List.of(),
        null,
        null,
        null,
        0);
  }
}
