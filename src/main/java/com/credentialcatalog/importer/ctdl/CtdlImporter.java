package com.credentialcatalog.importer.ctdl;

import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.importer.ctdl.CtdlDocument.Node;
import com.credentialcatalog.importer.ctdl.CtdlRecords.Assessment;
import com.credentialcatalog.importer.ctdl.CtdlRecords.Credential;
import com.credentialcatalog.importer.ctdl.CtdlRecords.Notes;
import com.credentialcatalog.importer.ctdl.CtdlRecords.Organization;
import com.credentialcatalog.importer.ctdl.CtdlRecords.Recognition;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.service.ctdl.CtdlTerms;
import com.credentialcatalog.service.write.AliasService;
import com.credentialcatalog.service.write.EligibilityRouteService;
import com.credentialcatalog.service.write.ExamFormatService;
import com.credentialcatalog.service.write.PriceService;
import com.credentialcatalog.service.write.ProgramWriteService;
import com.credentialcatalog.service.write.ProviderWriteService;
import com.credentialcatalog.service.write.RecognitionIngestService;
import com.credentialcatalog.service.write.RegistryRows;
import com.credentialcatalog.service.write.RegistryRows.Match;
import com.credentialcatalog.service.write.RenewalPolicyService;
import com.credentialcatalog.view.CtdlImportReport;
import com.credentialcatalog.view.CtdlImportReport.NodeReport;
import com.credentialcatalog.view.IngestReport;
import com.credentialcatalog.view.IngestReport.Outcome;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.AliasInput;
import com.credentialcatalog.write.EligibilityRouteInput;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.ObservationBatch.Observation;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProgramInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import com.credentialcatalog.write.WriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports a CTDL document (Credential Registry records) into the catalog through the same write
 * services as the REST writes, so every change has its versions and change events. One transaction
 * per document: what the report calls CREATED or UPDATED is committed together, and a dry run rolls
 * all of it back. A node the catalog cannot take (an unknown class, a provider kind it cannot name,
 * a node outside the caller's providers) is REJECTED and not written; the others still are.
 * Matching: a provider by CTID, then name, then website; a program by CTID, then name and owner.
 * Facts the record states overwrite the stored ones, facts it is silent on stay; children (prices,
 * exams, routes, aliases, recognition) are added when no stored one states the same facts, never
 * removed, so posting the same document again changes nothing.
 */
@ApplicationScoped
public class CtdlImporter {

  /** What created rows' sources name as publisher. */
  static final String PUBLISHER = "Credential Registry (CTDL)";

  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionManager transactions;
  private final ProviderScope scope;
  private final RegistryRows rows;
  private final ProviderWriteService providers;
  private final ProgramWriteService programs;
  private final PriceService prices;
  private final ExamFormatService exams;
  private final RenewalPolicyService renewals;
  private final AliasService aliases;
  private final EligibilityRouteService routes;
  private final RecognitionIngestService recognition;

  public CtdlImporter(
      ObjectMapper json,
      Validator validator,
      TransactionManager transactions,
      ProviderScope scope,
      RegistryRows rows,
      ProviderWriteService providers,
      ProgramWriteService programs,
      PriceService prices,
      ExamFormatService exams,
      RenewalPolicyService renewals,
      AliasService aliases,
      EligibilityRouteService routes,
      RecognitionIngestService recognition) {
    this.json = json;
    this.validator = validator;
    this.transactions = transactions;
    this.scope = scope;
    this.rows = rows;
    this.providers = providers;
    this.programs = programs;
    this.prices = prices;
    this.exams = exams;
    this.renewals = renewals;
    this.aliases = aliases;
    this.routes = routes;
    this.recognition = recognition;
  }

  /**
   * Imports a document.
   *
   * @param body a CTDL {@code @graph} document, a single resource, or a Registry envelope
   * @param dryRun answer the same report and write nothing
   * @throws InvalidInputException naming the node and property when the document is not one the
   *     import can read, or a write service refuses a node's data
   */
  @Transactional
  public CtdlImportReport importDocument(JsonNode body, boolean dryRun) {
    CtdlDocument doc = CtdlDocument.read(body, json);
    Run run = new Run(doc);
    for (Node node : doc.nodes()) {
      if (CtdlRecords.isOrganization(node) && ctid(node) != null) {
        guarded(node, () -> organization(run, node));
      }
    }
    for (Node node : doc.nodes()) {
      Optional<CredentialType> type = CtdlRecords.credentialType(node);
      if (type.isPresent()) {
        guarded(node, () -> credential(run, node, type.get()));
      }
    }
    for (Node node : doc.nodes()) {
      run.reports.computeIfAbsent(node.index(), i -> leftOver(run, node));
    }
    if (dryRun) {
      try {
        transactions.setRollbackOnly();
      } catch (SystemException e) {
        throw new IllegalStateException("Cannot roll the dry run back", e);
      }
    }
    List<NodeReport> nodes = new ArrayList<>();
    doc.nodes().forEach(n -> nodes.add(run.reports.get(n.index()).report()));
    return new CtdlImportReport(
        dryRun,
        count(nodes, Outcome.CREATED),
        count(nodes, Outcome.UPDATED),
        count(nodes, Outcome.UNCHANGED),
        count(nodes, Outcome.REJECTED),
        nodes);
  }

  /** The state of one import: reports so far and the slugs nodes became. */
  private static final class Run {
    final CtdlDocument doc;
    final Map<Integer, Entry> reports = new HashMap<>();
    final Map<String, String> providerSlugs = new HashMap<>();
    final Map<String, Outcome> recognitionSources = new HashMap<>();

    Run(CtdlDocument doc) {
      this.doc = doc;
    }
  }

  /** A node's report while it is being built. */
  private static final class Entry {
    final Node node;
    final Notes notes;
    String entity;
    String slug;
    Outcome status;

    Entry(Node node, Notes notes) {
      this.node = node;
      this.notes = notes;
    }

    Entry done(String entity, String slug, Outcome status) {
      this.entity = entity;
      this.slug = slug;
      this.status = status;
      return this;
    }

    Entry rejected(String reason) {
      notes.reasons.add(reason);
      return done(null, null, Outcome.REJECTED);
    }

    NodeReport report() {
      return new NodeReport(
          node.id(),
          ctid(node),
          String.join(" ", node.types()),
          entity,
          slug,
          status,
          List.copyOf(notes.reasons),
          List.copyOf(notes.unmapped));
    }
  }

  private static void guarded(Node node, Runnable step) {
    try {
      step.run();
    } catch (InvalidInputException e) {
      if (e.field() != null && e.field().startsWith(node.label())) {
        throw e;
      }
      throw new InvalidInputException(node.label() + " " + e.field(), e.getMessage());
    }
  }

  private void organization(Run run, Node node) {
    Notes notes = new Notes();
    Entry entry = new Entry(node, notes);
    run.reports.put(node.index(), entry);
    Organization org = CtdlRecords.organization(node, notes);
    String ctid = ctid(node);
    ProviderInput stated = org.input();
    Optional<Match<ProviderInput>> match = rows.provider(ctid, stated.name(), stated.website());
    if (match.isEmpty() && stated.kind() == null) {
      entry.rejected(
          "no "
              + CtdlTerms.AGENT_TYPE
              + " names a provider kind the catalog knows "
              + CtdlTerms.ORGANIZATION_TYPE.terms().values().stream()
                  .map(CtdlTerms.Term::id)
                  .toList());
      return;
    }
    if (match.isEmpty() && !scope.isAdmin()) {
      entry.rejected("only catalog-admin may create providers");
      return;
    }
    if (match.isPresent() && !scope.isAdmin() && !scope.providers().contains(match.get().slug())) {
      entry.rejected(
          "your token may not edit provider '" + match.get().slug() + "' (not in its claim)");
      return;
    }
    String source = provenance(run, node, stated.name());
    if (match.isEmpty()) {
      String slug = freeSlug("provider", stated.name(), ctid);
      ProviderInput input =
          new ProviderInput(
              slug,
              stated.name(),
              stated.acronym(),
              stated.kind(),
              stated.website(),
              null,
              stated.description(),
              source);
      if (invalid(input, entry)) {
        return;
      }
      providers.create(input, ctid);
      run.providerSlugs.put(node.key(), slug);
      entry.done("provider", slug, Outcome.CREATED);
      return;
    }
    Match<ProviderInput> m = match.get();
    ProviderInput current = m.input();
    ProviderInput merged =
        new ProviderInput(
            m.slug(),
            stated.name(),
            or(stated.acronym(), current.acronym()),
            or(stated.kind(), current.kind()),
            or(stated.website(), current.website()),
            current.country(),
            or(stated.description(), current.description()),
            current.source());
    noteOtherCtid(notes, "provider", m, ctid);
    run.providerSlugs.put(node.key(), m.slug());
    // A row whose facts the record repeats keeps citing where they came from.
    if (merged.equals(current)) {
      entry.done("provider", m.slug(), Outcome.UNCHANGED);
      return;
    }
    ProviderInput changed =
        new ProviderInput(
            merged.slug(),
            merged.name(),
            merged.acronym(),
            merged.kind(),
            merged.website(),
            merged.country(),
            merged.description(),
            source);
    if (invalid(changed, entry)) {
      return;
    }
    providers.replace(m.slug(), rows.version("provider", m.slug()), c -> changed);
    entry.done("provider", m.slug(), Outcome.UPDATED);
  }

  private void credential(Run run, Node node, CredentialType type) {
    Notes notes = new Notes();
    Entry entry = new Entry(node, notes);
    run.reports.put(node.index(), entry);
    Credential c = CtdlRecords.credential(node, type, r -> run.doc.resolve(r).isPresent(), notes);
    String ctid = ctid(node);
    String provider = null;
    for (String owner : c.owners()) {
      String slug = providerSlug(run, owner);
      if (slug != null && provider == null) {
        provider = slug;
      } else if (slug == null) {
        notes.unmapped.add(
            "ceterms:ownedBy/offeredBy " + owner + " (not in the document or the catalog)");
      }
    }
    if (!scope.isAdmin()) {
      if (provider == null) {
        entry.rejected("only catalog-admin may import a credential whose owner the catalog lacks");
        return;
      }
      if (!scope.providers().contains(provider)) {
        entry.rejected(
            "your token may not write programs of provider '" + provider + "' (not in its claim)");
        return;
      }
    }
    ProgramInput stated = c.input();
    Optional<Match<ProgramInput>> match = rows.program(ctid, stated.name(), provider);
    String source = provenance(run, node, stated.name());
    String slug;
    Outcome status;
    if (match.isEmpty()) {
      slug = freeSlug("program", stated.name(), ctid);
      ProgramInput input = program(slug, stated, null, provider, source);
      if (invalid(input, entry)) {
        return;
      }
      programs.create(input, ctid);
      status = Outcome.CREATED;
    } else {
      Match<ProgramInput> m = match.get();
      slug = m.slug();
      noteOtherCtid(notes, "program", m, ctid);
      if (program(slug, stated, m.input(), provider, m.input().source()).equals(m.input())) {
        status = Outcome.UNCHANGED;
      } else {
        ProgramInput merged = program(slug, stated, m.input(), provider, source);
        if (invalid(merged, entry)) {
          return;
        }
        programs.replace(slug, rows.version("program", slug), current -> merged);
        status = Outcome.UPDATED;
      }
    }
    boolean changed = children(run, entry, c, slug, source);
    entry.done("program", slug, changed && status == Outcome.UNCHANGED ? Outcome.UPDATED : status);
  }

  /** The stated program fields over the stored ones (null: a new program). */
  private static ProgramInput program(
      String slug, ProgramInput s, ProgramInput current, String provider, String source) {
    ProgramInput c = current;
    if (c == null) {
      return new ProgramInput(
          slug,
          s.name(),
          s.acronym(),
          provider,
          s.credentialType(),
          s.level(),
          null,
          null,
          s.deliveryModes(),
          s.languages(),
          null,
          null,
          s.durationWeeksMin(),
          s.durationWeeksMax(),
          null,
          s.status(),
          null,
          s.website(),
          s.description(),
          null,
          source);
    }
    return new ProgramInput(
        slug,
        s.name(),
        or(c.acronym(), s.acronym()),
        or(provider, c.provider()),
        s.credentialType(),
        or(s.level(), c.level()),
        c.audienceRoles(),
        c.competencies(),
        or(s.deliveryModes(), c.deliveryModes()),
        or(s.languages(), c.languages()),
        c.studyHoursMin(),
        c.studyHoursMax(),
        or(s.durationWeeksMin(), c.durationWeeksMin()),
        or(s.durationWeeksMax(), c.durationWeeksMax()),
        c.launchYear(),
        or(s.status(), c.status()),
        c.supersededBy(),
        or(s.website(), c.website()),
        or(s.description(), c.description()),
        c.lastVerifiedAt(),
        source);
  }

  /** Adds the children the record states and the program lacks; true when any was written. */
  private boolean children(Run run, Entry entry, Credential c, String slug, String source) {
    Notes notes = entry.notes;
    boolean changed = false;
    Set<String> known = new HashSet<>();
    rows.aliases(slug).forEach(a -> known.add(CredentialNames.normalize(a)));
    for (String alias : c.alternateNames()) {
      String normalized = CredentialNames.normalize(alias);
      if (normalized.isEmpty() || alias.length() > WriteConstraints.NAME_MAX) {
        notes.unmapped.add(
            CtdlTerms.ALTERNATE_NAME + " '" + alias + "' (not storable as an alias)");
      } else if (known.add(normalized)) {
        aliases.add(slug, null, new AliasInput(alias));
        changed = true;
      }
    }
    List<PriceInput> storedPrices = withoutSource(rows.prices(slug), p -> price(p, null));
    for (PriceInput p : c.prices()) {
      if (!storedPrices.contains(price(p, null)) && valid(p, notes, "price")) {
        prices.create(slug, price(p, source));
        changed = true;
      }
    }
    List<EligibilityRouteInput> storedRoutes =
        withoutSource(routes.list(slug), r -> r.withSource(null));
    for (EligibilityRouteInput r : c.routes()) {
      if (!storedRoutes.contains(r) && valid(r, notes, "eligibility route")) {
        routes.add(slug, r.withSource(source));
        changed = true;
      }
    }
    if (c.renewal() != null) {
      changed |= renewal(slug, c.renewal(), source, notes);
    }
    for (String reference : c.assessments()) {
      changed |= exam(run, entry, slug, reference, source);
    }
    changed |= recognitions(run, entry, c, slug);
    return changed;
  }

  private boolean renewal(String slug, RenewalPolicyInput stated, String source, Notes notes) {
    Optional<Versioned<RenewalPolicyInput>> stored = rows.renewal(slug);
    RenewalPolicyInput input;
    if (stored.isEmpty()) {
      input = renewal(stated, null, source);
    } else {
      RenewalPolicyInput c = stored.get().body();
      input = renewal(stated, c, c.source());
      if (input.equals(c)) {
        return false;
      }
      input = renewal(stated, c, source);
    }
    if (!valid(input, notes, "renewal")) {
      return false;
    }
    renewals.put(slug, stored.map(Versioned::version).orElse(null), input);
    return true;
  }

  private static RenewalPolicyInput renewal(
      RenewalPolicyInput s, RenewalPolicyInput c, String source) {
    return c == null
        ? new RenewalPolicyInput(
            s.cycleYearsMin(),
            s.cycleYearsMax(),
            s.creditsMin(),
            s.creditsMax(),
            s.creditUnit(),
            s.acceptedRoutes(),
            s.proofRetentionYears(),
            s.note(),
            source)
        : new RenewalPolicyInput(
            or(s.cycleYearsMin(), c.cycleYearsMin()),
            or(s.cycleYearsMax(), c.cycleYearsMax()),
            or(s.creditsMin(), c.creditsMin()),
            or(s.creditsMax(), c.creditsMax()),
            or(s.creditUnit(), c.creditUnit()),
            c.acceptedRoutes(),
            c.proofRetentionYears(),
            or(s.note(), c.note()),
            source);
  }

  private boolean exam(Run run, Entry entry, String programSlug, String reference, String source) {
    Optional<Node> found = run.doc.resolve(reference);
    if (found.isEmpty() || !found.get().is(CtdlTerms.ASSESSMENT_PROFILE)) {
      entry.notes.unmapped.add(
          CtdlTerms.TARGET_ASSESSMENT
              + " "
              + reference
              + " (not an AssessmentProfile of the document)");
      return false;
    }
    Node node = found.get();
    Entry examEntry = run.reports.get(node.index());
    Notes notes = examEntry == null ? new Notes() : examEntry.notes;
    Assessment a = CtdlRecords.assessment(node, notes);
    List<String> vendors = new ArrayList<>();
    for (String vendor : a.vendors()) {
      String slug = providerSlug(run, vendor);
      if (slug == null) {
        notes.unmapped.add(
            CtdlTerms.OFFERED_BY + " " + vendor + " (not in the document or the catalog)");
      } else if (!vendors.contains(slug)) {
        vendors.add(slug);
      }
    }
    String examSource = ctid(node) != null ? provenance(run, node, a.input().name()) : source;
    ExamFormatInput input = exam(a.input(), vendors, null);
    boolean stored =
        withoutSource(rows.exams(programSlug), e -> exam(e, e.testVendors(), null)).contains(input);
    Outcome outcome = Outcome.UNCHANGED;
    if (!stored && valid(input, notes, "exam format")) {
      exams.create(programSlug, exam(a.input(), input.testVendors(), examSource));
      outcome = Outcome.CREATED;
    } else if (!stored) {
      outcome = Outcome.REJECTED;
    }
    Entry e = examEntry != null ? examEntry : new Entry(node, notes);
    // An assessment several credentials share is reported once, by its strongest outcome.
    if (e.status == null || e.status == Outcome.UNCHANGED) {
      e.done("exam-format", programSlug, outcome);
    }
    run.reports.put(node.index(), e);
    return outcome == Outcome.CREATED;
  }

  private static ExamFormatInput exam(ExamFormatInput e, List<String> vendors, String source) {
    return new ExamFormatInput(
        e.name(),
        e.durationMinutesMin(),
        e.durationMinutesMax(),
        e.questionCountMin(),
        e.questionCountMax(),
        e.multipleChoicePctMin(),
        e.multipleChoicePctMax(),
        e.scenarioPctMin(),
        e.scenarioPctMax(),
        e.practicalPctMin(),
        e.practicalPctMax(),
        e.passingScoreMin(),
        e.passingScoreMax(),
        e.passingScoreScale(),
        e.passingScoreScaleMax(),
        e.passingScores(),
        e.proctoring() == null ? List.of() : e.proctoring(),
        vendors == null ? List.of() : vendors.stream().sorted().toList(),
        e.retakeAttempts(),
        e.retakeWindowMonths(),
        e.retakeWaitDays(),
        e.languages() == null ? List.of() : e.languages(),
        e.accommodationExtraMinutes(),
        e.note(),
        source);
  }

  private boolean recognitions(Run run, Entry entry, Credential c, String programSlug) {
    // A signal is an observation: of the record's date, or, when it states none, of today's read.
    LocalDate asOf =
        Optional.ofNullable(recordDate(run.doc, c.node(), true)).orElseGet(LocalDate::now);
    List<Observation> batch = new ArrayList<>();
    List<String> sourceKeys = new ArrayList<>();
    for (Recognition r : c.recognitions()) {
      String name = null;
      String url = null;
      Optional<Node> node = run.doc.resolve(r.reference());
      if (node.isPresent() && CtdlRecords.isOrganization(node.get())) {
        name = CtdlValues.text(node.get().get(CtdlTerms.NAME));
        url = CtdlValues.text(node.get().get(CtdlTerms.SUBJECT_WEBPAGE));
      } else {
        Optional<Match<ProviderInput>> known =
            CtdlTerms.ctidOf(r.reference()).flatMap(id -> rows.provider(id, null, null));
        if (known.isPresent()) {
          name = known.get().input().name();
          url = known.get().input().website();
        }
      }
      if (name == null) {
        entry.notes.unmapped.add(
            r.property() + " " + r.reference() + " (not in the document or the catalog)");
        continue;
      }
      batch.add(
          new Observation(
              programSlug,
              r.kind().name(),
              name.length() > 200 ? name.substring(0, 200) : name,
              url != null && url.matches(WriteConstraints.URL) ? url : null,
              "GLOBAL",
              asOf,
              asOf,
              "MENTIONED",
              null,
              null,
              null,
              null,
              null));
      sourceKeys.add(node.map(Node::key).orElse(null));
    }
    if (batch.isEmpty()) {
      return false;
    }
    IngestReport report = recognition.ingest(batch, scope.actor());
    boolean changed = false;
    for (IngestReport.Item item : report.items()) {
      String key = sourceKeys.get(item.index());
      if (item.status() == Outcome.REJECTED) {
        entry.notes.reasons.add(
            "recognition '" + batch.get(item.index()).sourceName() + "': " + item.reason());
      } else {
        changed |= item.status() != Outcome.UNCHANGED;
        if (key != null) {
          run.recognitionSources.merge(
              key, item.status(), (a, b) -> a == Outcome.UNCHANGED ? b : a);
        }
      }
    }
    return changed;
  }

  /** The report of a node neither pass took. */
  private Entry leftOver(Run run, Node node) {
    Entry entry = new Entry(node, new Notes());
    if (CtdlRecords.isOrganization(node)) {
      Outcome used = run.recognitionSources.get(node.key());
      if (used != null) {
        return entry.done("recognition-source", null, used);
      }
      return entry.rejected(
          "an organization without a CTID is imported only as the recognizing organization of a"
              + " credential in the same document, and none names it");
    }
    if (node.is(CtdlTerms.ASSESSMENT_PROFILE)) {
      return entry.rejected(
          "an assessment becomes an exam format of a credential that names it in "
              + CtdlTerms.TARGET_ASSESSMENT
              + "; no credential of this document does");
    }
    return entry.rejected(
        "class "
            + String.join(" ", node.types())
            + " is not imported: the catalog holds organizations, the credential classes "
            + CtdlTerms.CREDENTIAL_CLASS.terms().values().stream().map(CtdlTerms.Term::id).toList()
            + " and assessment profiles");
  }

  /** The slug of the provider a reference names: a node of this import, else by CTID. */
  private String providerSlug(Run run, String reference) {
    String slug = run.providerSlugs.get(CtdlDocument.key(reference));
    if (slug != null) {
      return slug;
    }
    return CtdlTerms.ctidOf(reference)
        .flatMap(ctid -> rows.provider(ctid, null, null))
        .map(Match::slug)
        .orElse(null);
  }

  /** Creates or refreshes the node's provenance source; returns its slug. */
  private String provenance(Run run, Node node, String name) {
    String ctid = ctid(node);
    String slug = "ctdl-" + (ctid != null ? ctid : Integer.toHexString(node.key().hashCode()));
    String url =
        node.id() != null && node.id().matches(WriteConstraints.URL)
            ? node.id()
            : ctid != null ? CtdlTerms.resourceUrl(ctid) : null;
    String title = "Credential Registry record: " + name;
    rows.provenance(
        slug,
        title.length() > WriteConstraints.NAME_MAX ? title.substring(0, 200) : title,
        url,
        PUBLISHER,
        recordDate(run.doc, node, false));
    return slug;
  }

  /**
   * When the record was last modified: its {@code dateModified}, else the envelope's update date;
   * with {@code orEffective}, else its {@code dateEffective}.
   */
  private static LocalDate recordDate(CtdlDocument doc, Node node, boolean orEffective) {
    for (String property : List.of("ceterms:dateModified", "dateModified")) {
      LocalDate d = CtdlDocument.date(node.json().path(property).asText(null));
      if (d != null) {
        return d;
      }
    }
    if (doc.envelopeModified() != null) {
      return doc.envelopeModified();
    }
    return orEffective
        ? CtdlDocument.date(node.json().path("ceterms:dateEffective").asText(null))
        : null;
  }

  private static String ctid(Node node) {
    if (node.ctid() != null) {
      return node.ctid();
    }
    return node.id() == null ? null : CtdlTerms.ctidOf(node.id()).orElse(null);
  }

  private static void noteOtherCtid(Notes notes, String entity, Match<?> m, String ctid) {
    if (ctid != null && !ctid.equals(m.ctid())) {
      notes.reasons.add(
          "matched "
              + entity
              + " '"
              + m.slug()
              + "' by name; it keeps its own CTID "
              + m.ctid()
              + " (CTIDs never change)");
    }
  }

  /** A slug from the name, unique among providers or programs. */
  private String freeSlug(String entity, String name, String ctid) {
    String base =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (base.length() > 70) {
      base = base.substring(0, 70).replaceAll("-+$", "");
    }
    if (base.isEmpty()) {
      base = ctid != null ? ctid : "ctdl-import";
    }
    String slug = base;
    for (int n = 2; rows.slugTaken(entity, slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private boolean invalid(Object input, Entry entry) {
    Set<ConstraintViolation<Object>> violations = validator.validate(input);
    if (violations.isEmpty()) {
      return false;
    }
    for (ConstraintViolation<Object> v : violations) {
      entry.notes.reasons.add(v.getPropertyPath() + " " + v.getMessage());
    }
    entry.done(null, null, Outcome.REJECTED);
    return true;
  }

  private boolean valid(Object input, Notes notes, String what) {
    Set<ConstraintViolation<Object>> violations = validator.validate(input);
    for (ConstraintViolation<Object> v : violations) {
      notes.reasons.add(what + " not stored: " + v.getPropertyPath() + " " + v.getMessage());
    }
    return violations.isEmpty();
  }

  /** A price as the mappers store it (defaults filled in, two decimals), citing {@code source}. */
  private static PriceInput price(PriceInput p, String source) {
    return new PriceInput(
        p.feeType(),
        money(p.amountMin()),
        money(p.amountMax()),
        p.currency(),
        p.audience() == null ? com.credentialcatalog.domain.PriceAudience.ANY : p.audience(),
        p.deliveryMode(),
        Boolean.TRUE.equals(p.requiredForAward()),
        p.validFrom(),
        p.validTo(),
        p.note(),
        source);
  }

  private static java.math.BigDecimal money(java.math.BigDecimal amount) {
    return amount == null || amount.scale() > 2 ? amount : amount.setScale(2);
  }

  private static <T> List<T> withoutSource(List<T> stored, Function<T, T> strip) {
    return stored.stream().map(strip).toList();
  }

  private static <T> T or(T stated, T current) {
    return stated != null ? stated : current;
  }

  private static int count(List<NodeReport> nodes, Outcome outcome) {
    return (int) nodes.stream().filter(n -> n.status() == outcome).count();
  }
}
