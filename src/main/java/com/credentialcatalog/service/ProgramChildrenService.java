package com.credentialcatalog.service;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidQueryException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.SortOrder;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.OutcomeClaimView;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.write.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Programs and their children for an adapter that loads each kind of child only when a client
 * asks for it (GraphQL): the programs' own facts first, then one kind of child at a time for many
 * programs at once. Every method costs a fixed number of statements whatever the number of
 * programs, so a page never turns into one query per program.
 */
@ApplicationScoped
public class ProgramChildrenService {

  private final ProgramRepository programs;
  private final ProgramQueryService query;
  private final ProgramAssembler assembler;

  public ProgramChildrenService(ProgramRepository programs, ProgramQueryService query, ProgramAssembler assembler) {
    this.programs = programs;
    this.query = query;
    this.assembler = assembler;
  }

  /**
   * A program's own facts, without children. The internal id lets an adapter ask for children;
   * it is never a public identifier.
   */
  public record ProgramCore(
      long id,
      String slug,
      String name,
      String acronym,
      String provider,
      CredentialType credentialType,
      Level level,
      List<AudienceRole> audienceRoles,
      List<Competency> competencies,
      List<DeliveryMode> deliveryModes,
      List<String> languages,
      IntRange studyHours,
      IntRange durationWeeks,
      Integer launchYear,
      ProgramStatus status,
      String supersededBy,
      String website,
      String description,
      LocalDate lastVerifiedAt,
      String source,
      OffsetDateTime updatedAt,
      long version) {}

  /**
   * A page of programs' own facts, in order.
   *
   * @param cursors per item, the cursor that resumes right after it
   * @param totalCount -1 when not asked for
   */
  public record CorePage(List<ProgramCore> items, List<String> cursors, String nextCursor, long totalCount,
      Map<Facet, Map<String, Long>> facets) {}

  /**
   * Finds programs like {@link ProgramQueryService#findDetails}, but loads only their own facts:
   * the page query, the counts when asked for, and one statement for the programs.
   *
   * @throws InvalidQueryException on a bad limit, horizon, cursor, or relevance without q
   */
  @Transactional
  public CorePage findCores(ProgramFilter filter, SortOrder order, String cursor, int limit, Set<Facet> facets,
      boolean withTotal) {
    ProgramQueryService.IdPage page = query.findIds(filter, order, cursor, limit, facets, withTotal);
    Map<Long, ProgramCore> byId = coresById(page.ids());
    List<ProgramCore> items = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    for (int i = 0; i < page.ids().size(); i++) {
      ProgramCore core = byId.get(page.ids().get(i));
      if (core != null) { // deleted between the two statements
        items.add(core);
        cursors.add(page.cursors().get(i));
      }
    }
    return new CorePage(items, cursors, page.nextCursor(), page.totalCount(), page.facets());
  }

  /**
   * One program's own facts.
   *
   * @throws NotFoundException when no program has this slug
   */
  @Transactional
  public ProgramCore core(String slug) {
    ProgramCore core = coresBySlug(List.of(slug)).get(slug);
    if (core == null) {
      throw new NotFoundException("program", slug);
    }
    return core;
  }

  /** The own facts of the programs with these slugs; unknown slugs are left out. */
  @Transactional
  public Map<String, ProgramCore> coresBySlug(Collection<String> slugs) {
    if (slugs.isEmpty()) {
      return Map.of();
    }
    return load("p.slug in :keys", slugs).stream()
        .collect(Collectors.toMap(p -> p.slug, ProgramChildrenService::core, (a, b) -> a, LinkedHashMap::new));
  }

  /** Aliases per program id, oldest first. */
  @Transactional
  public Map<Long, List<String>> aliases(Collection<Long> programIds) {
    Map<Long, List<String>> result = new HashMap<>();
    programs.aliasesOf(programIds).forEach((id, list) -> result.put(id, list.stream().map(a -> a.alias).toList()));
    return result;
  }

  /** Every price row per program id (history included), with each row's version. */
  @Transactional
  public Map<Long, List<Versioned<PriceView>>> prices(Collection<Long> programIds) {
    Map<Long, List<Price>> prices = programs.pricesOf(programIds);
    loadSources(prices.values(), p -> p.source);
    Map<Long, List<Versioned<PriceView>>> result = new HashMap<>();
    prices.forEach((id, list) -> result.put(id,
        list.stream().map(p -> new Versioned<>(assembler.price(p), p.version)).toList()));
    return result;
  }

  /** Exam formats per program id, with each one's version. */
  @Transactional
  public Map<Long, List<Versioned<ExamFormatView>>> exams(Collection<Long> programIds) {
    Map<Long, List<ExamFormat>> exams = programs.examsOf(programIds);
    Map<Long, Source> sources = loadSources(exams.values(), e -> e.source);
    Map<Long, List<Versioned<ExamFormatView>>> result = new HashMap<>();
    exams.forEach((id, list) -> result.put(id,
        list.stream().map(e -> new Versioned<>(assembler.exam(e, sources), e.version)).toList()));
    return result;
  }

  /**
   * A renewal policy with its fees (the program's RENEWAL prices) and each fee's version.
   *
   * @param fees the same rows as {@code policy.fees()}, with versions
   */
  public record Renewal(RenewalPolicyView policy, List<Versioned<PriceView>> fees) {}

  /** The renewal policy per program id (absent when a program has none), its fees included. */
  @Transactional
  public Map<Long, Renewal> renewals(Collection<Long> programIds) {
    Map<Long, List<RenewalPolicy>> renewals = programs.renewalsOf(programIds);
    if (renewals.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<Price>> prices = programs.pricesOf(renewals.keySet());
    Set<Long> sourceIds = new LinkedHashSet<>();
    prices.values().forEach(l -> l.forEach(p -> addSource(sourceIds, p.source)));
    renewals.values().forEach(l -> l.forEach(r -> addSource(sourceIds, r.source)));
    Map<Long, Source> sources = programs.sourcesById(sourceIds);
    Map<Long, Renewal> result = new HashMap<>();
    renewals.forEach((id, list) -> {
      List<Price> rows = prices.getOrDefault(id, List.of());
      RenewalPolicyView policy = assembler.renewal(list.get(0), rows.stream().map(assembler::price).toList(), sources);
      List<Versioned<PriceView>> fees = rows.stream()
          .filter(p -> p.feeType == FeeType.RENEWAL)
          .map(p -> new Versioned<>(assembler.price(p), p.version))
          .toList();
      result.put(id, new Renewal(policy, fees));
    });
    return result;
  }

  /** Eligibility routes per program id, in order. */
  @Transactional
  public Map<Long, List<EligibilityRouteView>> eligibility(Collection<Long> programIds) {
    Map<Long, List<EligibilityRoute>> routes = programs.routesOf(programIds);
    Map<Long, Source> sources = loadSources(routes.values(), r -> r.source);
    Map<Long, List<EligibilityRouteView>> result = new HashMap<>();
    routes.forEach((id, list) -> result.put(id, list.stream().map(r -> assembler.route(r, sources)).toList()));
    return result;
  }

  /** Outcome claims per program id. */
  @Transactional
  public Map<Long, List<OutcomeClaimView>> outcomes(Collection<Long> programIds) {
    Map<Long, List<OutcomeClaim>> outcomes = programs.outcomesOf(programIds);
    Map<Long, Source> sources = loadSources(outcomes.values(), o -> o.source);
    Map<Long, List<OutcomeClaimView>> result = new HashMap<>();
    outcomes.forEach((id, list) -> result.put(id, list.stream().map(o -> assembler.outcome(o, sources)).toList()));
    return result;
  }

  /**
   * The full detail per program id, as {@code GET /programs/{slug}} gives it: for what is computed
   * over every fact (cost of ownership, the sources of all facts).
   */
  @Transactional
  public Map<Long, ProgramDetail> details(Collection<Long> programIds) {
    if (programIds.isEmpty()) {
      return Map.of();
    }
    List<Program> loaded = load("p.id in :keys", programIds);
    List<ProgramDetail> details = assembler.details(loaded);
    Map<Long, ProgramDetail> result = new HashMap<>();
    for (int i = 0; i < loaded.size(); i++) {
      result.put(loaded.get(i).id, details.get(i));
    }
    return result;
  }

  private Map<Long, ProgramCore> coresById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return load("p.id in :keys", ids).stream()
        .collect(Collectors.toMap(p -> p.id, ProgramChildrenService::core));
  }

  private List<Program> load(String condition, Collection<?> keys) {
    return programs.getEntityManager()
        .createQuery(ProgramRepository.WITH_REFERENCES + " where " + condition, Program.class)
        .setParameter("keys", keys)
        .getResultList();
  }

  /**
   * Loads the sources the children cite in one statement, so that reading a child's source slug
   * never costs a statement of its own.
   */
  private <T> Map<Long, Source> loadSources(Collection<List<T>> children, Function<T, Source> source) {
    Set<Long> ids = new LinkedHashSet<>();
    children.forEach(l -> l.forEach(child -> addSource(ids, source.apply(child))));
    return programs.sourcesById(ids);
  }

  private static void addSource(Set<Long> ids, Source s) {
    if (s != null) {
      ids.add(s.id);
    }
  }

  private static ProgramCore core(Program p) {
    return new ProgramCore(
        p.id,
        p.slug,
        p.name,
        p.acronym,
        p.provider == null ? null : p.provider.slug,
        p.credentialType,
        p.level,
        ProgramAssembler.enums(p.audienceRoles, AudienceRole.class),
        ProgramAssembler.enums(p.competencies, Competency.class),
        ProgramAssembler.enums(p.deliveryModes, DeliveryMode.class),
        List.copyOf(p.languages),
        IntRange.of(p.studyHoursMin, p.studyHoursMax),
        IntRange.of(p.durationWeeksMin, p.durationWeeksMax),
        p.launchYear,
        p.status,
        p.supersededBy == null ? null : p.supersededBy.slug,
        p.website,
        p.description,
        p.lastVerifiedAt,
        p.source == null ? null : p.source.slug,
        p.updatedAt,
        p.version);
  }
}
