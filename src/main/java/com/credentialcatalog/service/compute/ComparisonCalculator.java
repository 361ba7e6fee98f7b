package com.credentialcatalog.service.compute;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.view.Comparison;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.ProgramDetail;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The comparison (README "What you get") as a pure function of program details. */
public final class ComparisonCalculator {

  private ComparisonCalculator() {}

  /**
   * Compares programs over a horizon.
   *
   * @param currency the one currency to count in (USD when null), so costs are comparable
   */
  public static Comparison compare(
      List<ProgramDetail> programs,
      int horizonYears,
      PriceAudience audience,
      String currency,
      LocalDate asOf) {
    String cur = currency == null ? "USD" : currency;
    List<CostOfOwnership> costs =
        programs.stream()
            .map(p -> CostOfOwnershipCalculator.compute(p, horizonYears, audience, cur, asOf))
            .toList();
    List<String> slugs = programs.stream().map(ProgramDetail::slug).toList();

    List<Comparison.Row> rows = new ArrayList<>();
    rows.add(
        row(
            "provider",
            "Provider",
            programs,
            p -> p.provider() == null ? null : p.provider().name()));
    rows.add(row("credentialType", "Credential type", programs, p -> str(p.credentialType())));
    rows.add(row("level", "Level", programs, p -> str(p.level())));
    rows.add(
        row(
            "deliveryModes",
            "Delivery",
            programs,
            p -> p.deliveryModes().isEmpty() ? null : p.deliveryModes().toString()));
    rows.add(row("studyHours", "Study hours", programs, p -> range(p.studyHours())));
    rows.add(row("durationWeeks", "Duration (weeks)", programs, p -> range(p.durationWeeks())));
    rows.add(
        costRow(
            "initialCost", "Required initial cost (" + cur + ")", costs, CostOfOwnership::initial));
    rows.add(
        costRow(
            "renewalCost",
            "Renewals over " + horizonYears + " years (" + cur + ")",
            costs,
            CostOfOwnership::renewals));
    rows.add(
        costRow(
            "costOfOwnership",
            "Cost over " + horizonYears + " years (" + cur + ")",
            costs,
            CostOfOwnership::total));
    rows.add(
        costRow("costPerYear", "Cost per year (" + cur + ")", costs, CostOfOwnership::perYear));
    rows.add(
        row(
            "examMinutes",
            "Exam duration (minutes)",
            programs,
            p -> range(firstExam(p, ExamFormatView::durationMinutes))));
    rows.add(
        row(
            "questionCount",
            "Exam questions",
            programs,
            p -> range(firstExam(p, ExamFormatView::questionCount))));
    rows.add(
        row(
            "passingScore",
            "Passing score",
            programs,
            p ->
                p.exams().stream()
                    .map(ExamFormatView::passingScore)
                    .filter(s -> s != null)
                    .map(
                        s ->
                            plain(s.min())
                                + (s.max() != null && s.max().compareTo(s.min()) != 0
                                    ? "–" + plain(s.max())
                                    : "")
                                + (s.scale() == null
                                    ? ""
                                    : s.scale() == com.credentialcatalog.domain.PassingScale.PERCENT
                                        ? "%"
                                        : "/" + s.scaleMax()))
                    .findFirst()
                    .orElse(null)));
    rows.add(
        row(
            "proctoring",
            "Proctoring",
            programs,
            p ->
                p.exams().stream()
                    .flatMap(e -> e.proctoring().stream())
                    .distinct()
                    .map(Enum::name)
                    .collect(
                        Collectors.collectingAndThen(
                            Collectors.joining(", "), s -> s.isEmpty() ? null : s))));
    rows.add(
        row(
            "experienceMonths",
            "Lowest experience bar (months)",
            programs,
            p -> str(ProgramMeasures.easiestExperienceMonths(p))));
    rows.add(
        row(
            "renewalCycleYears",
            "Renewal cycle (years)",
            programs,
            p -> p.renewal() == null ? null : range(p.renewal().cycleYears())));
    rows.add(
        row(
            "renewalCredits",
            "Renewal credits",
            programs,
            p ->
                p.renewal() == null || p.renewal().credits() == null
                    ? null
                    : range(p.renewal().credits())
                        + (p.renewal().creditUnit() == null
                            ? ""
                            : " " + p.renewal().creditUnit())));

    List<BigDecimal> cost =
        costs.stream().map(c -> c.total() == null ? null : c.total().min()).toList();
    List<BigDecimal> exam =
        programs.stream().map(p -> dec(ProgramMeasures.shortestExamMinutes(p))).toList();
    List<BigDecimal> experience =
        programs.stream().map(p -> dec(ProgramMeasures.easiestExperienceMonths(p))).toList();
    List<BigDecimal> renewalPerYear =
        costs.stream()
            .map(
                c ->
                    c.renewals() == null
                        ? null
                        : c.renewals()
                            .min()
                            .divide(BigDecimal.valueOf(horizonYears), 2, RoundingMode.HALF_UP))
            .toList();

    List<Comparison.Finding> findings = new ArrayList<>();
    finding(
        findings,
        "CHEAPEST_OVER_HORIZON",
        "Cheapest over " + horizonYears + " years (lower bound)",
        slugs,
        cost,
        cur);
    finding(findings, "SHORTEST_EXAM", "Shortest exam", slugs, exam, "minutes");
    finding(
        findings, "LOWEST_EXPERIENCE_BAR", "Lowest experience bar", slugs, experience, "months");
    finding(
        findings,
        "LOWEST_RENEWAL_BURDEN",
        "Lowest renewal cost per year (lower bound)",
        slugs,
        renewalPerYear,
        cur + "/year");

    List<Comparison.Difference> differences = new ArrayList<>();
    for (int i = 0; i < programs.size(); i++) {
      differences.add(
          new Comparison.Difference(
              slugs.get(i),
              diff(cost, i),
              diff(exam, i),
              diff(experience, i),
              diff(renewalPerYear, i)));
    }
    return new Comparison(slugs, horizonYears, audience, cur, rows, findings, differences, costs);
  }

  private static Comparison.Row row(
      String attribute,
      String label,
      List<ProgramDetail> programs,
      Function<ProgramDetail, String> value) {
    return new Comparison.Row(attribute, label, programs.stream().map(value).toList());
  }

  private static Comparison.Row costRow(
      String attribute,
      String label,
      List<CostOfOwnership> costs,
      Function<CostOfOwnership, DecimalRange> value) {
    return new Comparison.Row(
        attribute,
        label,
        costs.stream()
            .map(value)
            .map(
                r ->
                    r == null
                        ? null
                        : r.min().compareTo(r.max()) == 0
                            ? plain(r.min())
                            : plain(r.min()) + "–" + plain(r.max()))
            .toList());
  }

  private static void finding(
      List<Comparison.Finding> findings,
      String measure,
      String label,
      List<String> slugs,
      List<BigDecimal> values,
      String unit) {
    BigDecimal best =
        values.stream().filter(v -> v != null).min(BigDecimal::compareTo).orElse(null);
    if (best == null) {
      return;
    }
    List<String> winners = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      if (values.get(i) != null && values.get(i).compareTo(best) == 0) {
        winners.add(slugs.get(i));
      }
    }
    findings.add(new Comparison.Finding(measure, label, winners, best, unit));
  }

  private static BigDecimal diff(List<BigDecimal> values, int i) {
    BigDecimal best =
        values.stream().filter(v -> v != null).min(BigDecimal::compareTo).orElse(null);
    return values.get(i) == null || best == null ? null : values.get(i).subtract(best);
  }

  private static IntRange firstExam(ProgramDetail p, Function<ExamFormatView, IntRange> f) {
    return p.exams().stream().map(f).filter(r -> r != null).findFirst().orElse(null);
  }

  private static String range(IntRange r) {
    if (r == null) {
      return null;
    }
    if (r.max() == null || r.max().equals(r.min())) {
      return r.min() == null
          ? "up to " + r.max()
          : String.valueOf(r.min()) + (r.max() == null ? "+" : "");
    }
    return r.min() == null ? "up to " + r.max() : r.min() + "–" + r.max();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static BigDecimal dec(Integer i) {
    return i == null ? null : BigDecimal.valueOf(i);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
