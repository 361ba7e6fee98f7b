package com.credentialcatalog.importer;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.EligibilityCondition;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.importer.CatalogDocument.OutcomeEntry;
import com.credentialcatalog.importer.CatalogDocument.ProgramEntry;
import com.credentialcatalog.importer.CatalogDocument.RouteEntry;
import com.credentialcatalog.importer.CatalogDocument.SourceEntry;
import com.credentialcatalog.service.ChangeLog;
import com.credentialcatalog.service.write.ExamFormatMapper;
import com.credentialcatalog.service.write.PriceMapper;
import com.credentialcatalog.service.write.ProviderMapper;
import com.credentialcatalog.service.write.RenewalPolicyMapper;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProviderInput;
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
  private final ProviderMapper providers;
  private final PriceMapper prices;
  private final ExamFormatMapper exams;
  private final RenewalPolicyMapper renewals;

  public CatalogImporter(
      EntityManager em,
      ChangeLog changeLog,
      ProviderMapper providers,
      PriceMapper prices,
      ExamFormatMapper exams,
      RenewalPolicyMapper renewals) {
    this.em = em;
    this.changeLog = changeLog;
    this.providers = providers;
    this.prices = prices;
    this.exams = exams;
    this.renewals = renewals;
  }

  /**
   * Imports what the catalog does not have yet.
   *
   * @param actor who the change events name (e.g. {@code seed})
   * @throws IllegalArgumentException when the document refers to an unknown slug or vocabulary
   *     value
   * @throws com.credentialcatalog.query.InvalidInputException when a price, exam or renewal policy
   *     names an unknown source or test vendor (they are written by the write API's mappers)
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
    for (ProviderInput e : doc.providers()) {
      if (findBySlug(Provider.class, e.slug()) != null) {
        continue;
      }
      Provider p = new Provider();
      p.slug = e.slug();
      providers.apply(p, e);
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
    p.status =
        e.status() == null
            ? ProgramStatus.ACTIVE
            : parse(ProgramStatus.class, e.status(), where + " status");
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
    // Children without a source of their own cite the program's.
    for (PriceInput input : e.prices()) {
      Price price = new Price();
      price.program = p;
      prices.apply(price, input);
      price.source = input.source() == null ? p.source : price.source;
      em.persist(price);
    }
    for (ExamFormatInput input : e.exams()) {
      ExamFormat exam = new ExamFormat();
      exam.program = p;
      exams.apply(exam, input);
      exam.source = input.source() == null ? p.source : exam.source;
      em.persist(exam);
    }
    if (e.renewal() != null) {
      RenewalPolicy policy = new RenewalPolicy();
      policy.program = p;
      renewals.apply(policy, e.renewal());
      policy.source = e.renewal().source() == null ? p.source : policy.source;
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
    c.source =
        o.source() == null ? (program == null ? null : program.source) : refs.source(o.source());
    return c;
  }

  private boolean marketOutcomeExists(OutcomeEntry o) {
    return !em.createQuery(
            "select c.id from OutcomeClaim c where c.program is null and c.statement = :s",
            Long.class)
        .setParameter("s", o.statement())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private <T> T findBySlug(Class<T> type, String slug) {
    List<T> found =
        em.createQuery("select e from " + type.getSimpleName() + " e where e.slug = :slug", type)
            .setParameter("slug", slug)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new IllegalArgumentException(
          where
              + ": '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()),
          ex);
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
