package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.PassingScore;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.OutcomeClaimView;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProviderSummary;
import com.credentialcatalog.view.RecognitionSummary;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns programs into {@link ProgramDetail} records with a fixed number of batch loads, whatever
 * the number of programs. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ProgramAssembler {

  private final ProgramRepository programs;
  private final RecognitionService recognition;

  public ProgramAssembler(ProgramRepository programs, RecognitionService recognition) {
    this.programs = programs;
    this.recognition = recognition;
  }

  /** Full detail of each program, in the given order. */
  public List<ProgramDetail> details(List<Program> page) {
    List<Long> ids = page.stream().map(p -> p.id).toList();
    Map<Long, List<ProgramAlias>> aliases = programs.aliasesOf(ids);
    Map<Long, List<Price>> prices = programs.pricesOf(ids);
    Map<Long, List<ExamFormat>> exams = programs.examsOf(ids);
    Map<Long, List<RenewalPolicy>> renewals = programs.renewalsOf(ids);
    Map<Long, List<EligibilityRoute>> routes = programs.routesOf(ids);
    Map<Long, List<OutcomeClaim>> outcomes = programs.outcomesOf(ids);
    Map<Long, RecognitionSummary> recognitions = recognition.summaries(ids);

    Set<Long> sourceIds = new LinkedHashSet<>();
    page.forEach(p -> addSource(sourceIds, p.source));
    prices.values().forEach(l -> l.forEach(x -> addSource(sourceIds, x.source)));
    exams.values().forEach(l -> l.forEach(x -> addSource(sourceIds, x.source)));
    renewals.values().forEach(l -> l.forEach(x -> addSource(sourceIds, x.source)));
    routes.values().forEach(l -> l.forEach(x -> addSource(sourceIds, x.source)));
    outcomes.values().forEach(l -> l.forEach(x -> addSource(sourceIds, x.source)));
    Map<Long, Source> sources = programs.sourcesById(sourceIds);

    List<ProgramDetail> result = new ArrayList<>(page.size());
    for (Program p : page) {
      List<Price> programPrices = prices.getOrDefault(p.id, List.of());
      List<PriceView> priceViews = programPrices.stream().map(this::price).toList();
      RenewalPolicy renewal =
          renewals.getOrDefault(p.id, List.of()).stream().findFirst().orElse(null);
      Set<Long> used = new LinkedHashSet<>();
      addSource(used, p.source);
      programPrices.forEach(x -> addSource(used, x.source));
      exams.getOrDefault(p.id, List.of()).forEach(x -> addSource(used, x.source));
      if (renewal != null) {
        addSource(used, renewal.source);
      }
      routes.getOrDefault(p.id, List.of()).forEach(x -> addSource(used, x.source));
      outcomes.getOrDefault(p.id, List.of()).forEach(x -> addSource(used, x.source));

      result.add(
          new ProgramDetail(
              p.slug,
              p.ctid,
              p.name,
              p.acronym,
              summary(p.provider),
              p.credentialType,
              p.level,
              enums(p.audienceRoles, AudienceRole.class),
              enums(p.competencies, Competency.class),
              enums(p.deliveryModes, DeliveryMode.class),
              List.copyOf(p.languages),
              IntRange.of(p.studyHoursMin, p.studyHoursMax),
              IntRange.of(p.durationWeeksMin, p.durationWeeksMax),
              p.launchYear,
              p.status,
              p.supersededBy == null ? null : p.supersededBy.slug,
              p.website,
              p.description,
              p.lastVerifiedAt,
              aliases.getOrDefault(p.id, List.of()).stream().map(a -> a.alias).toList(),
              priceViews,
              exams.getOrDefault(p.id, List.of()).stream().map(e -> exam(e, sources)).toList(),
              renewal == null ? null : renewal(renewal, priceViews, sources),
              routes.getOrDefault(p.id, List.of()).stream().map(r -> route(r, sources)).toList(),
              outcomes.getOrDefault(p.id, List.of()).stream()
                  .map(o -> outcome(o, sources))
                  .toList(),
              used.stream().map(sources::get).map(ProgramAssembler::source).toList(),
              recognitions.get(p.id),
              slugOf(p.source, sources),
              p.updatedAt,
              p.version));
    }
    return result;
  }

  /** A provider as a nested reference; null stays null (the sources name no provider). */
  public static ProviderSummary summary(Provider p) {
    return p == null ? null : new ProviderSummary(p.slug, p.name, p.acronym, p.kind);
  }

  public static SourceView source(Source s) {
    return s == null
        ? null
        : new SourceView(
            s.slug,
            s.title,
            s.url,
            s.publisher,
            s.asOfYear,
            s.publishedDate,
            s.retrievedDate,
            s.note);
  }

  /**
   * The view of one price row; the price write service answers with it too, so a write and a read
   * show the same shape.
   */
  public PriceView price(Price p) {
    return new PriceView(
        p.id,
        p.feeType,
        DecimalRange.of(p.amountMin, p.amountMax),
        p.currency,
        p.audience,
        p.deliveryMode,
        p.requiredForAward,
        p.validFrom,
        p.validTo,
        p.note,
        p.source == null ? null : p.source.slug);
  }

  ExamFormatView exam(ExamFormat e, Map<Long, Source> sources) {
    ExamFormatView.ItemMix mix =
        IntRange.of(e.multipleChoicePctMin, e.multipleChoicePctMax) == null
                && IntRange.of(e.scenarioPctMin, e.scenarioPctMax) == null
                && IntRange.of(e.practicalPctMin, e.practicalPctMax) == null
            ? null
            : new ExamFormatView.ItemMix(
                IntRange.of(e.multipleChoicePctMin, e.multipleChoicePctMax),
                IntRange.of(e.scenarioPctMin, e.scenarioPctMax),
                IntRange.of(e.practicalPctMin, e.practicalPctMax));
    ExamFormatView.PassingScore passing =
        e.passingScoreMin == null && e.passingScoreMax == null
            ? null
            : new ExamFormatView.PassingScore(
                e.passingScoreMin, e.passingScoreMax, e.passingScoreScale, e.passingScoreScaleMax);
    List<ExamFormatView.PassingScore> scores =
        (e.passingScores.isEmpty() && passing != null
                ? List.of(
                    new PassingScore(
                        e.passingScoreScale,
                        e.passingScoreMin,
                        e.passingScoreMax,
                        e.passingScoreScaleMax))
                : e.passingScores)
            .stream()
                .map(
                    s -> new ExamFormatView.PassingScore(s.min(), s.max(), s.scale(), s.scaleMax()))
                .toList();
    ExamFormatView.RetakeRule retake =
        e.retakeAttempts == null && e.retakeWaitDays == null
            ? null
            : new ExamFormatView.RetakeRule(
                e.retakeAttempts, e.retakeWindowMonths, e.retakeWaitDays);
    return new ExamFormatView(
        e.id,
        e.ctid,
        e.name,
        IntRange.of(e.durationMinutesMin, e.durationMinutesMax),
        IntRange.of(e.questionCountMin, e.questionCountMax),
        mix,
        passing,
        scores,
        enums(e.proctoring, Proctoring.class),
        // A set from a join: give it a stable order, or ETags and clients see it shuffle.
        e.testVendors.stream()
            .sorted(java.util.Comparator.comparing((Provider v) -> v.slug))
            .map(ProgramAssembler::summary)
            .toList(),
        retake,
        List.copyOf(e.languages),
        e.accommodationExtraMinutes,
        e.note,
        slugOf(e.source, sources));
  }

  RenewalPolicyView renewal(RenewalPolicy r, List<PriceView> prices, Map<Long, Source> sources) {
    return new RenewalPolicyView(
        IntRange.of(r.cycleYearsMin, r.cycleYearsMax),
        IntRange.of(r.creditsMin, r.creditsMax),
        r.creditUnit,
        enums(r.acceptedRoutes, RenewalRoute.class),
        r.proofRetentionYears,
        prices.stream().filter(p -> p.feeType() == FeeType.RENEWAL).toList(),
        r.note,
        slugOf(r.source, sources),
        r.version);
  }

  EligibilityRouteView route(EligibilityRoute r, Map<Long, Source> sources) {
    return new EligibilityRouteView(
        r.name,
        r.description,
        r.conditions.stream()
            .map(
                c ->
                    new EligibilityRouteView.Condition(
                        c.kind, IntRange.of(c.valueMin, c.valueMax), c.credential, c.description))
            .toList(),
        slugOf(r.source, sources));
  }

  OutcomeClaimView outcome(OutcomeClaim o, Map<Long, Source> sources) {
    return new OutcomeClaimView(
        o.metric,
        DecimalRange.of(o.valueMin, o.valueMax),
        o.unit,
        IntRange.of(o.periodMonthsMin, o.periodMonthsMax),
        o.statement,
        slugOf(o.source, sources));
  }

  public static <E extends Enum<E>> List<E> enums(Collection<String> values, Class<E> type) {
    return values.stream().map(v -> Enum.valueOf(type, v)).toList();
  }

  private static void addSource(Set<Long> ids, Source s) {
    if (s != null) {
      ids.add(s.id);
    }
  }

  private static String slugOf(Source s, Map<Long, Source> loaded) {
    return s == null ? null : loaded.get(s.id).slug;
  }
}
