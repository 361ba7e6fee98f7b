package com.credentialcatalog.service.compute;

import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.RenewalPolicyView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cost of ownership (README "What you get") as a pure function of a program's detail: no database,
 * no clock. The SQL sort keys in {@code ProgramSqlBuilder} mirror these rules; a test keeps them in
 * step.
 */
public final class CostOfOwnershipCalculator {

  private CostOfOwnershipCalculator() {}

  /**
   * Computes the cost of earning the program and keeping it for {@code horizonYears}.
   *
   * @param audience MEMBER / NON_MEMBER picks that audience's prices where a fee has them (else the
   *     prices for anyone); null or ANY spans every audience
   * @param currency the currency to count in; null picks the only currency the program's prices
   *     use, and is refused when they use several (never mixes currencies)
   * @throws InvalidInputException when the currency is ambiguous
   */
  public static CostOfOwnership compute(
      ProgramDetail program,
      int horizonYears,
      PriceAudience audience,
      String currency,
      LocalDate asOf) {
    List<PriceView> inForce = program.prices().stream().filter(p -> inForce(p, asOf)).toList();
    String cur = currency != null ? currency : onlyCurrency(inForce);
    List<PriceView> usable = inForce.stream().filter(p -> p.currency().equals(cur)).toList();
    List<String> assumptions = new ArrayList<>();
    List<CostOfOwnership.LineItem> items = new ArrayList<>();
    assumptions.add(
        "Prices in force on " + asOf + ", in " + cur + "; other currencies are not converted.");
    assumptions.add(
        audience == null || audience == PriceAudience.ANY
            ? "No audience chosen: where members and non-members pay differently, min is the cheaper and max the dearer."
            : "Prices for " + audience + " where a fee has them, otherwise the price for anyone.");

    Map<FeeType, List<PriceView>> required = new LinkedHashMap<>();
    for (PriceView p : usable) {
      if (p.requiredForAward() && p.feeType() != FeeType.RENEWAL) {
        required.computeIfAbsent(p.feeType(), k -> new ArrayList<>()).add(p);
      }
    }
    // A fee priced only for the other audience (NON_MEMBER rows, asked for MEMBER) is not this
    // audience's fee: it is left out rather than failing the whole computation.
    required.replaceAll((type, rows) -> forAudience(rows, audience));
    required.values().removeIf(List::isEmpty);
    BigDecimal initialMin = null;
    BigDecimal initialMax = null;
    for (Map.Entry<FeeType, List<PriceView>> e : required.entrySet()) {
      List<PriceView> options = e.getValue();
      DecimalRange fee = cheapestToDearest(options);
      initialMin = add(initialMin, fee.min());
      initialMax = add(initialMax, fee.max());
      items.add(
          new CostOfOwnership.LineItem(
              label(e.getKey()), e.getKey(), fee, new IntRange(1, 1), fee, sources(options)));
    }
    boolean complete = true;
    if (required.isEmpty()) {
      complete = false;
      assumptions.add(
          "No required initial fee is known in " + cur + "; the initial cost is unknown.");
    } else {
      assumptions.add(
          "Initial cost counts fees required for the award; optional study material, bootcamps, practice exams and travel are left out.");
    }

    DecimalRange renewals = null;
    IntRange renewalCount = null;
    RenewalPolicyView renewal = program.renewal();
    List<PriceView> renewalFees =
        forAudience(usable.stream().filter(p -> p.feeType() == FeeType.RENEWAL).toList(), audience);
    if (renewal == null || renewal.cycleYears() == null) {
      complete = false;
      assumptions.add(
          renewal == null
              ? "No renewal policy is known; renewals are left out."
              : "The renewal cycle is not known; renewals are left out.");
    } else {
      int shortest = renewal.cycleYears().min();
      int longest = renewal.cycleYears().max() != null ? renewal.cycleYears().max() : shortest;
      int fewest = horizonYears / longest;
      int most = horizonYears / shortest;
      renewalCount = new IntRange(fewest, most);
      assumptions.add(
          "Renews every "
              + (shortest == longest ? shortest : shortest + "–" + longest)
              + " years: "
              + (fewest == most ? fewest : fewest + "–" + most)
              + " renewal(s) in "
              + horizonYears
              + " years (min uses the longest cycle, max the shortest).");
      if (renewalFees.isEmpty()) {
        complete = complete && fewest == 0 && most == 0;
        if (most > 0) {
          assumptions.add("The renewal fee is not known; renewals are left out.");
        }
      } else {
        DecimalRange fee = cheapestToDearest(renewalFees);
        renewals =
            new DecimalRange(
                fee.min().multiply(BigDecimal.valueOf(fewest)),
                fee.max().multiply(BigDecimal.valueOf(most)));
        items.add(
            new CostOfOwnership.LineItem(
                "Renewal fee", FeeType.RENEWAL, fee, renewalCount, renewals, sources(renewalFees)));
        if (renewal.acceptedRoutes() != null && !renewal.acceptedRoutes().isEmpty()) {
          assumptions.add(
              "Renewal is counted at its fee; the cost of earning credits ("
                  + renewal.acceptedRoutes()
                  + ") is not known and left out.");
        }
      }
    }

    DecimalRange initial =
        initialMin == null ? null : new DecimalRange(scale(initialMin), scale(initialMax));
    DecimalRange total = null;
    DecimalRange perYear = null;
    if (initial != null) {
      BigDecimal tMin = initial.min().add(renewals == null ? BigDecimal.ZERO : renewals.min());
      BigDecimal tMax = initial.max().add(renewals == null ? BigDecimal.ZERO : renewals.max());
      total = new DecimalRange(scale(tMin), scale(tMax));
      BigDecimal years = BigDecimal.valueOf(horizonYears);
      perYear =
          new DecimalRange(
              tMin.divide(years, 2, RoundingMode.HALF_UP),
              tMax.divide(years, 2, RoundingMode.HALF_UP));
    }
    return new CostOfOwnership(
        program.slug(),
        horizonYears,
        audience,
        cur,
        asOf,
        initial,
        renewals == null ? null : new DecimalRange(scale(renewals.min()), scale(renewals.max())),
        total,
        perYear,
        renewalCount,
        complete,
        items,
        assumptions);
  }

  /** A list item's cost figures: the required initial cost and the cost of ownership. */
  public record Figures(DecimalRange initial, DecimalRange total) {}

  /**
   * The figures of {@link #compute} from already aggregated inputs (the read model's cost window):
   * the same rules — min takes the cheapest options and the longest cycle, max the dearest options
   * and the shortest cycle; an unknown renewal fee or cycle leaves renewals out.
   *
   * @param initialMin null when no required initial fee is known
   * @param renewalMin null when no renewal fee is in force
   * @param cycleMin null when the renewal cycle (or the policy) is unknown
   */
  public static Figures figures(
      BigDecimal initialMin,
      BigDecimal initialMax,
      BigDecimal renewalMin,
      BigDecimal renewalMax,
      Integer cycleMin,
      Integer cycleMax,
      int horizonYears) {
    if (initialMin == null) {
      return new Figures(null, null);
    }
    BigDecimal tMin = initialMin;
    BigDecimal tMax = initialMax;
    if (cycleMin != null && renewalMin != null) {
      int longest = cycleMax != null ? cycleMax : cycleMin;
      tMin = tMin.add(renewalMin.multiply(BigDecimal.valueOf(horizonYears / longest)));
      tMax = tMax.add(renewalMax.multiply(BigDecimal.valueOf(horizonYears / cycleMin)));
    }
    return new Figures(
        new DecimalRange(scale(initialMin), scale(initialMax)),
        new DecimalRange(scale(tMin), scale(tMax)));
  }

  /** Whether a price row is in force on a date (validFrom inclusive, validTo exclusive). */
  public static boolean inForce(PriceView p, LocalDate date) {
    return (p.validFrom() == null || !p.validFrom().isAfter(date))
        && (p.validTo() == null || p.validTo().isAfter(date));
  }

  /**
   * Rows for the audience where there are any, else rows for anyone; every row when no audience.
   */
  static List<PriceView> forAudience(List<PriceView> rows, PriceAudience audience) {
    if (audience == null || audience == PriceAudience.ANY) {
      return rows;
    }
    List<PriceView> specific = rows.stream().filter(p -> p.audience() == audience).toList();
    return !specific.isEmpty()
        ? specific
        : rows.stream().filter(p -> p.audience() == PriceAudience.ANY).toList();
  }

  private static String onlyCurrency(List<PriceView> prices) {
    Set<String> currencies = new TreeSet<>();
    prices.forEach(p -> currencies.add(p.currency()));
    if (currencies.size() > 1) {
      throw InvalidInputException.of(
          "currency",
          InvalidInputException.Kind.INCONSISTENT,
          "The program is priced in %s; choose one with the {currency} parameter",
          currencies);
    }
    return currencies.isEmpty() ? "USD" : currencies.iterator().next();
  }

  private static DecimalRange cheapestToDearest(List<PriceView> options) {
    BigDecimal min =
        options.stream().map(p -> p.amount().min()).min(BigDecimal::compareTo).orElseThrow();
    BigDecimal max =
        options.stream().map(p -> p.amount().max()).max(BigDecimal::compareTo).orElseThrow();
    return new DecimalRange(min, max);
  }

  private static List<String> sources(List<PriceView> prices) {
    return prices.stream().map(PriceView::source).filter(s -> s != null).distinct().toList();
  }

  private static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.add(b);
  }

  private static BigDecimal scale(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  private static String label(FeeType type) {
    String s = type.name().replace('_', ' ').toLowerCase();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + " fee";
  }
}
