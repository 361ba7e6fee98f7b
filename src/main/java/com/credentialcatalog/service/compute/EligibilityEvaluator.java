package com.credentialcatalog.service.compute;

import com.credentialcatalog.request.EligibilityProfile;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramEligibility;
import com.credentialcatalog.view.ProgramEligibility.ConditionResult;
import com.credentialcatalog.view.ProgramEligibility.RouteResult;
import com.credentialcatalog.view.ProgramEligibility.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Eligibility (README "What you get") as a pure function: a candidate is eligible when every
 * condition of any one route holds. A threshold given as a range ("6–12 months") is met at its
 * lower bound, the bar the guides give; the gap names the upper bound too.
 */
public final class EligibilityEvaluator {

  private EligibilityEvaluator() {}

  /** Evaluates one program for one profile. */
  public static ProgramEligibility evaluate(ProgramDetail program, EligibilityProfile profile) {
    List<RouteResult> routes = new ArrayList<>();
    String eligibleVia = null;
    boolean anyUnknown = false;
    for (EligibilityRouteView route : program.eligibility()) {
      List<ConditionResult> met = new ArrayList<>();
      List<ConditionResult> missing = new ArrayList<>();
      List<ConditionResult> unknown = new ArrayList<>();
      List<ConditionResult> also = new ArrayList<>();
      for (EligibilityRouteView.Condition c : route.conditions()) {
        Outcome o = check(c, profile, program);
        ConditionResult r = new ConditionResult(c.kind(), c.description(), o.gap);
        switch (o.verdict) {
          case MET -> met.add(r);
          case MISSING -> missing.add(r);
          case UNKNOWN -> unknown.add(r);
          case STEP -> also.add(r);
        }
      }
      boolean satisfied = missing.isEmpty() && unknown.isEmpty();
      if (satisfied && eligibleVia == null) {
        eligibleVia = route.name();
      }
      if (missing.isEmpty() && !unknown.isEmpty()) {
        anyUnknown = true;
      }
      routes.add(new RouteResult(route.name(), satisfied, met, missing, unknown, also));
    }
    Status status =
        eligibleVia != null
            ? Status.ELIGIBLE
            : routes.isEmpty() || anyUnknown ? Status.UNKNOWN : Status.NOT_ELIGIBLE;
    return new ProgramEligibility(program.slug(), program.name(), status, eligibleVia, routes);
  }

  private enum Verdict {
    MET,
    MISSING,
    UNKNOWN,
    STEP
  }

  private record Outcome(Verdict verdict, String gap) {
    static Outcome met() {
      return new Outcome(Verdict.MET, null);
    }
  }

  private static Outcome check(
      EligibilityRouteView.Condition c, EligibilityProfile p, ProgramDetail program) {
    Integer bar = c.value() == null ? null : c.value().min();
    Integer upper = c.value() == null ? null : c.value().max();
    return switch (c.kind()) {
      case MIN_AGE -> threshold(p.age(), bar, null, "age", "years of age", "Age not given");
      case EXPERIENCE_MONTHS ->
          threshold(
              p.experienceMonths(),
              bar,
              upper,
              "experience",
              "months of experience",
              "Months of experience not given");
      case COURSE_HOURS ->
          threshold(
              p.courseHours(), bar, upper, "course", "course hours", "Course hours not given");
      case SUPERVISORY_EXPERIENCE ->
          flag(
              p.supervisoryExperience(),
              "Supervisory responsibilities needed",
              "Supervisory experience not given");
      case PORTFOLIO_EVIDENCE ->
          flag(
              p.hasPortfolio(),
              "A portfolio or documented evidence of work is needed",
              "Portfolio not given");
      case PREREQUISITE_CREDENTIAL ->
          c.credential() == null
              ? new Outcome(Verdict.UNKNOWN, "The source does not name the prerequisite")
              : holds(p.credentialsHeld(), c.credential())
                  ? Outcome.met()
                  : new Outcome(Verdict.MISSING, "Earn " + c.credential() + " first");
      case ATTESTATION -> new Outcome(Verdict.STEP, "Done when applying");
    };
  }

  private static Outcome threshold(
      Integer value, Integer bar, Integer upper, String what, String unit, String notGiven) {
    if (bar == null) {
      return new Outcome(Verdict.UNKNOWN, "The source does not state the required " + unit);
    }
    if (value == null) {
      return new Outcome(Verdict.UNKNOWN, notGiven);
    }
    if (value >= bar) {
      return Outcome.met();
    }
    String gap = (bar - value) + " more " + unit;
    if (upper != null && upper > bar) {
      gap += " (some providers ask " + upper + ")";
    }
    return new Outcome(Verdict.MISSING, gap);
  }

  private static Outcome flag(Boolean value, String missing, String notGiven) {
    if (value == null) {
      return new Outcome(Verdict.UNKNOWN, notGiven);
    }
    return value ? Outcome.met() : new Outcome(Verdict.MISSING, missing);
  }

  private static boolean holds(List<String> held, String credential) {
    String wanted = credential.toLowerCase(Locale.ROOT);
    return held.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
