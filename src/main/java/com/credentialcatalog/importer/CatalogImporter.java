package com.credentialcatalog.importer;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.EligibilityCondition;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.importer.CatalogDocument.ExamEntry;
import com.credentialcatalog.importer.CatalogDocument.OutcomeEntry;
import com.credentialcatalog.importer.CatalogDocument.PriceEntry;
import com.credentialcatalog.importer.CatalogDocument.ProgramEntry;
import com.credentialcatalog.importer.CatalogDocument.ProviderEntry;
import com.credentialcatalog.importer.CatalogDocument.RouteEntry;
import com.credentialcatalog.importer.CatalogDocument.SourceEntry;
import com.credentialcatalog.service.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a {@link CatalogDocument} in one transaction. Records are matched by slug; an existing
 * source, provider or program is left untouched, so running the same import twice changes nothing.
 * Every created provider and program appends a change event, so feed readers see seeded data too.
 */
@ApplicationScoped
public class CatalogImporter {

  private final EntityManager em;
  private final ChangeLog changeLog;

  public CatalogImporter(EntityManager em, ChangeLog changeLog) {
    this.em = em;
    this.changeLog = changeLog;
  }

  /**
   * Imports what the catalog does not have yet.
   *
   * @param actor who the change events name (e.g. {@code seed})
   * @throws IllegalArgumentException when the document refers to an unknown slug or vocabulary value
   */
  @Transactional
  public ImportReport importDocument(CatalogDocument doc, String actor) {
    Map<String, Source> sources = new HashMap<>();
    int sourcesCreated = 0;
    for (SourceEntry e : doc.sources()) {
      Source existing = findBySlug(Source.class, e.slug());
      if (existing != null) {
        sources.put(e.slug(), existing);
        continue;
      }
      Source s = new Source();
      s.slug = e.slug();
      s.title = e.title();
      s.url = e.url();
      s.publisher = e.publisher();
      s.asOfYear = e.asOfYear();
      s.publishedDate = e.publishedDate();
      s.retrievedDate = e.retrievedDate();
      s.note = e.note();
      em.persist(s);
      sources.put(e.slug(), s);
      sourcesCreated++;
    }
    Refs refs = new Refs(sources);

    int providersCreated = 0;
    for (ProviderEntry e : doc.providers()) {
      if (findBySlug(Provider.class, e.slug()) != null) {
        continue;
      }
      Provider p = new Provider();
      p.slug = e.slug();
      p.name = e.name();
      p.acronym = e.acronym();
      p.kind = parse(ProviderKind.class, e.kind(), "provider " + e.slug() + " kind");
      p.website = e.website();
      p.country = e.country();
      p.description = e.description();
      p.source = refs.source(e.source());
      em.persist(p);
      changeLog.record("provider", p.slug, ChangeOperation.CREATE, actor);
      providersCreated++;
    }

    int programsCreated = 0;
    List<ProgramEntry> created = new ArrayList<>();
    for (ProgramEntry e : doc.programs()) {
      if (findBySlug(Program.class, e.slug()) != null) {
        continue;
      }
      importProgram(e, refs);
      changeLog.record("program", e.slug(), ChangeOperation.CREATE, actor);
      created.add(e);
      programsCreated++;
    }
    // Second pass: a program may name a successor that comes later in the document.
    for (ProgramEntry e : created) {
      if (e.supersededBy() != null) {
        findBySlug(Program.class, e.slug()).supersededBy = refs.program(e.supersededBy());
      }
    }
    if (programsCreated > 0 || doc.programs().isEmpty()) {
      for (OutcomeEntry o : doc.marketOutcomes()) {
        if (marketOutcomeExists(o)) {
          continue;
        }
        em.persist(outcome(o, null, refs));
      }
    }
    em.flush();
    return new ImportReport(
        sourcesCreated,
        providersCreated,
        programsCreated,
        doc.sources().size() - sourcesCreated,
        doc.providers().size() - providersCreated,
        doc.programs().size() - programsCreated);
  }

  private void importProgram(ProgramEntry e, Refs refs) {
    String where = "program " + e.slug();
    Program p = new Program();
    p.slug = e.slug();
    p.name = e.name();
    p.acronym = e.acronym();
    p.provider = e.provider() == null ? null : refs.provider(e.provider());
    p.credentialType = parse(CredentialType.class, e.credentialType(), where + " credentialType");
    p.level = e.level() == null ? null : parse(Level.class, e.level(), where + " level");
    p.audienceRoles = new ArrayList<>(e.audienceRoles());
    p.competencies = new ArrayList<>(e.competencies());
    p.deliveryModes = new ArrayList<>(e.deliveryModes());
    p.languages = new ArrayList<>(e.languages());
    p.studyHoursMin = e.studyHoursMin();
    p.studyHoursMax = e.studyHoursMax();
    p.durationWeeksMin = e.durationWeeksMin();
    p.durationWeeksMax = e.durationWeeksMax();
    p.launchYear = e.launchYear();
    p.status = e.status() == null ? ProgramStatus.ACTIVE : parse(ProgramStatus.class, e.status(), where + " status");
    p.website = e.website();
    p.description = e.description();
    p.lastVerifiedAt = e.lastVerifiedAt();
    p.source = refs.source(e.source());
    em.persist(p);

    Set<String> seen = new LinkedHashSet<>();
    for (String alias : e.aliases()) {
      String normalized = CredentialNames.normalize(alias);
      if (normalized.isEmpty() || !seen.add(normalized)) {
        continue; // "COPC" and "COPC Certification" normalize alike: one alias row is enough
      }
      ProgramAlias a = new ProgramAlias();
      a.program = p;
      a.alias = alias;
      a.normalized = normalized;
      a.source = p.source;
      em.persist(a);
    }
    for (PriceEntry pe : e.prices()) {
      Price price = new Price();
      price.program = p;
      price.feeType = parse(FeeType.class, pe.feeType(), where + " price feeType");
      price.amountMin = pe.amountMin();
      price.amountMax = pe.amountMax();
      price.currency = pe.currency();
      price.audience = pe.audience() == null ? PriceAudience.ANY : parse(PriceAudience.class, pe.audience(), where + " price audience");
      price.deliveryMode = pe.deliveryMode() == null ? null : parse(DeliveryMode.class, pe.deliveryMode(), where + " price deliveryMode");
      price.requiredForAward = pe.requiredForAward();
      price.validFrom = pe.validFrom();
      price.validTo = pe.validTo();
      price.note = pe.note();
      price.source = pe.source() == null ? p.source : refs.source(pe.source());
      em.persist(price);
    }
    for (ExamEntry x : e.exams()) {
      ExamFormat exam = new ExamFormat();
      exam.program = p;
      exam.name = x.name();
      exam.durationMinutesMin = x.durationMinutesMin();
      exam.durationMinutesMax = x.durationMinutesMax();
      exam.questionCountMin = x.questionCountMin();
      exam.questionCountMax = x.questionCountMax();
      exam.multipleChoicePctMin = x.multipleChoicePctMin();
      exam.multipleChoicePctMax = x.multipleChoicePctMax();
      exam.scenarioPctMin = x.scenarioPctMin();
      exam.scenarioPctMax = x.scenarioPctMax();
      exam.practicalPctMin = x.practicalPctMin();
      exam.practicalPctMax = x.practicalPctMax();
      exam.passingScoreMin = x.passingScoreMin();
      exam.passingScoreMax = x.passingScoreMax();
      exam.passingScoreScale = x.passingScoreScale() == null ? null : parse(PassingScale.class, x.passingScoreScale(), where + " exam passingScoreScale");
      exam.passingScoreScaleMax = x.passingScoreScaleMax();
      exam.proctoring = new ArrayList<>(x.proctoring());
      for (String vendor : x.testVendors()) {
        exam.testVendors.add(refs.provider(vendor));
      }
      exam.retakeAttempts = x.retakeAttempts();
      exam.retakeWindowMonths = x.retakeWindowMonths();
      exam.retakeWaitDays = x.retakeWaitDays();
      exam.languages = new ArrayList<>(x.languages());
      exam.accommodationExtraMinutes = x.accommodationExtraMinutes();
      exam.note = x.note();
      exam.source = x.source() == null ? p.source : refs.source(x.source());
      em.persist(exam);
    }
    if (e.renewal() != null) {
      var r = e.renewal();
      RenewalPolicy policy = new RenewalPolicy();
      policy.program = p;
      policy.cycleYearsMin = r.cycleYearsMin();
      policy.cycleYearsMax = r.cycleYearsMax();
      policy.creditsMin = r.creditsMin();
      policy.creditsMax = r.creditsMax();
      policy.creditUnit = r.creditUnit() == null ? null : parse(CreditUnit.class, r.creditUnit(), where + " renewal creditUnit");
      policy.acceptedRoutes = new ArrayList<>(r.acceptedRoutes());
      policy.proofRetentionYears = r.proofRetentionYears();
      policy.note = r.note();
      policy.source = r.source() == null ? p.source : refs.source(r.source());
      em.persist(policy);
    }
    int routePosition = 0;
    for (RouteEntry re : e.eligibility()) {
      EligibilityRoute route = new EligibilityRoute();
      route.program = p;
      route.position = ++routePosition;
      route.name = re.name();
      route.description = re.description();
      route.source = re.source() == null ? p.source : refs.source(re.source());
      int conditionPosition = 0;
      for (var ce : re.conditions()) {
        EligibilityCondition c = new EligibilityCondition();
        c.route = route;
        c.position = ++conditionPosition;
        c.kind = parse(ConditionKind.class, ce.kind(), where + " eligibility condition kind");
        c.valueMin = ce.valueMin();
        c.valueMax = ce.valueMax();
        c.credential = ce.credential();
        c.description = ce.description();
        route.conditions.add(c);
      }
      em.persist(route);
    }
    for (OutcomeEntry o : e.outcomes()) {
      em.persist(outcome(o, p, refs));
    }
  }

  private OutcomeClaim outcome(OutcomeEntry o, Program program, Refs refs) {
    OutcomeClaim c = new OutcomeClaim();
    c.program = program;
    c.metric = o.metric();
    c.valueMin = o.valueMin();
    c.valueMax = o.valueMax();
    c.unit = o.unit();
    c.periodMonthsMin = o.periodMonthsMin();
    c.periodMonthsMax = o.periodMonthsMax();
    c.statement = o.statement();
    c.source = o.source() == null
        ? (program == null ? null : program.source)
        : refs.source(o.source());
    return c;
  }

  private boolean marketOutcomeExists(OutcomeEntry o) {
    return !em.createQuery(
            "select c.id from OutcomeClaim c where c.program is null and c.statement = :s", Long.class)
        .setParameter("s", o.statement())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private <T> T findBySlug(Class<T> type, String slug) {
    List<T> found = em.createQuery(
            "select e from " + type.getSimpleName() + " e where e.slug = :slug", type)
        .setParameter("slug", slug)
        .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new IllegalArgumentException(where + ": '" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()), ex);
    }
  }

  /** Resolves slugs against the document first, then the database. */
  private final class Refs {
    private final Map<String, Source> sources;

    Refs(Map<String, Source> sources) {
      this.sources = sources;
    }

    Source source(String slug) {
      if (slug == null) {
        return null;
      }
      Source s = sources.computeIfAbsent(slug, k -> findBySlug(Source.class, k));
      if (s == null) {
        throw new IllegalArgumentException("Unknown source '" + slug + "'");
      }
      return s;
    }

    Provider provider(String slug) {
      Provider p = findBySlug(Provider.class, slug);
      if (p == null) {
        throw new IllegalArgumentException("Unknown provider '" + slug + "'");
      }
      return p;
    }

    Program program(String slug) {
      Program p = findBySlug(Program.class, slug);
      if (p == null) {
        throw new IllegalArgumentException("Unknown program '" + slug + "'");
      }
      return p;
    }
  }
}
