package com.credentialcatalog.service.ctdl;

import static com.credentialcatalog.service.ctdl.CtdlTerms.*;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.repository.CtdlReader.Organization;
import com.credentialcatalog.repository.CtdlReader.Recognizer;
import com.credentialcatalog.service.ctdl.CtdlTerms.Mapping;
import com.credentialcatalog.service.ctdl.CtdlTerms.Term;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.SourceView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catalog read views → CTDL JSON-LD nodes, with the terms and mappings of {@link CtdlTerms}. Pure
 * functions of what they are given (no I/O), so the same program always gives the same bytes. What
 * CTDL has no property for goes into the node's description after {@link CtdlTerms#NOTES_MARKER}.
 */
public final class CtdlDocuments {

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

  private CtdlDocuments() {}

  /** A CTDL document: the context and its nodes. */
  public static Map<String, Object> document(List<Map<String, Object>> graph) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(AT_CONTEXT, CONTEXT);
    doc.put(AT_GRAPH, graph);
    return doc;
  }

  /**
   * A program's nodes: the credential, an assessment profile per exam, and a blank node per
   * recognizing organization. The owner and the test vendors are referenced by {@code @id}; their
   * own nodes come from {@link #organization}.
   */
  public static List<Map<String, Object>> program(
      ProgramDetail p, Map<String, Organization> organizations, List<Recognizer> recognizers) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    Organization owner = p.provider() == null ? null : organizations.get(p.provider().slug());
    Map<String, Object> c =
        node(
            resourceUrl(p.ctid()),
            CREDENTIAL_CLASS.term(p.credentialType()).map(Term::id).orElse(CERTIFICATION));
    nodes.add(c);
    put(c, CTID, p.ctid());
    put(c, NAME, lang(p.name()));
    put(c, ALTERNATE_NAME, langList(alternateNames(p)));
    put(c, DESCRIPTION, lang(withNotes(p.description(), programNotes(p))));
    put(c, SUBJECT_WEBPAGE, p.website());
    put(c, IN_LANGUAGE, p.languages());
    if (owner != null) {
      put(c, OWNED_BY, List.of(resourceUrl(owner.ctid())));
    }
    put(c, CREDENTIAL_STATUS_TYPE, concept(CREDENTIAL_STATUS, p.status()));
    put(
        c,
        AUDIENCE_LEVEL_TYPE,
        concepts(AUDIENCE_LEVEL, p.level() == null ? List.of() : List.of(p.level())));
    put(c, LEARNING_DELIVERY_TYPE, concepts(LEARNING_DELIVERY, p.deliveryModes()));
    put(
        c,
        ESTIMATED_DURATION,
        duration(p.durationWeeks(), CtdlTerms::weeks, studyHours(p.studyHours())));
    put(
        c,
        ESTIMATED_COST,
        p.prices().stream()
            .filter(x -> x.feeType() != FeeType.RENEWAL)
            .map(x -> cost(x, p.sources()))
            .toList());
    List<Map<String, Object>> requires = new ArrayList<>();
    if (!p.eligibility().isEmpty()) {
      requires.add(eligibility(p));
    }
    if (!p.exams().isEmpty()) {
      Map<String, Object> exam = node(null, CONDITION_PROFILE);
      put(exam, NAME, lang(p.exams().size() == 1 ? "Pass the exam" : "Pass the exams"));
      put(exam, TARGET_ASSESSMENT, p.exams().stream().map(e -> resourceUrl(e.ctid())).toList());
      requires.add(exam);
    }
    put(c, REQUIRES, requires);
    if (p.renewal() != null) {
      RenewalPolicyView r = p.renewal();
      if (r.cycleYears() != null) {
        Integer years = r.cycleYears().min() != null ? r.cycleYears().min() : r.cycleYears().max();
        put(c, RENEWAL_FREQUENCY, CtdlTerms.years(years));
      }
      put(c, RENEWAL, List.of(renewal(r, p.sources())));
    }
    Map<String, List<String>> byProperty = new LinkedHashMap<>();
    Set<String> blank = new LinkedHashSet<>();
    for (Recognizer r : recognizers) {
      Term property = RECOGNITION_PROPERTY.term(r.kind()).orElse(null);
      if (property == null) {
        continue;
      }
      String id = recognizerId(r);
      byProperty.computeIfAbsent(property.id(), k -> new ArrayList<>()).add(id);
      if (blank.add(id)) {
        Map<String, Object> org =
            node(
                id,
                r.kind() == RecognitionKind.ACCREDITATION
                    ? QA_CREDENTIAL_ORGANIZATION
                    : CREDENTIAL_ORGANIZATION);
        put(org, NAME, lang(r.name()));
        put(org, SUBJECT_WEBPAGE, r.url());
        nodes.add(org);
      }
    }
    byProperty.forEach((property, ids) -> put(c, property, List.copyOf(new LinkedHashSet<>(ids))));
    for (ExamFormatView e : p.exams()) {
      nodes.add(assessment(p, e, owner, organizations));
    }
    return nodes;
  }

  /** A provider as a {@code ceterms:CredentialOrganization}; {@code owns} its programs if asked. */
  public static Map<String, Object> organization(Organization o, boolean withOwned) {
    Map<String, Object> n = node(resourceUrl(o.ctid()), CREDENTIAL_ORGANIZATION);
    put(n, CTID, o.ctid());
    put(n, NAME, lang(o.name()));
    put(n, ALTERNATE_NAME, langList(o.acronym() == null ? List.of() : List.of(o.acronym())));
    put(n, DESCRIPTION, lang(o.description()));
    put(n, SUBJECT_WEBPAGE, o.website());
    put(
        n,
        AGENT_TYPE,
        concepts(ORGANIZATION_TYPE, o.kind() == null ? List.of() : List.of(o.kind())));
    if (withOwned) {
      put(n, OWNS, o.ownedProgramCtids().stream().map(CtdlTerms::resourceUrl).toList());
    }
    return n;
  }

  /** The slugs of the organizations a program's nodes reference: its owner and test vendors. */
  public static Set<String> organizationSlugs(ProgramDetail p) {
    Set<String> slugs = new LinkedHashSet<>();
    if (p.provider() != null) {
      slugs.add(p.provider().slug());
    }
    p.exams().forEach(e -> e.testVendors().forEach(v -> slugs.add(v.slug())));
    return slugs;
  }

  /**
   * The blank-node identifier of a recognizing organization: derived from its kind, name and
   * website, so the same organization has the same identifier in every export (stable bytes, stable
   * ETags) and once in the whole-catalog graph.
   */
  static String recognizerId(Recognizer r) {
    String key = r.kind() + "\n" + r.name() + "\n" + Objects.toString(r.url(), "");
    return BLANK_NODE_PREFIX + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> assessment(
      ProgramDetail p, ExamFormatView e, Organization owner, Map<String, Organization> orgs) {
    Map<String, Object> a = node(resourceUrl(e.ctid()), ASSESSMENT_PROFILE);
    put(a, CTID, e.ctid());
    put(a, NAME, lang(e.name() != null ? e.name() : p.name() + " exam"));
    put(a, DESCRIPTION, lang(withNotes(e.note(), examNotes(e, p.sources()))));
    if (owner != null) {
      put(a, OWNED_BY, List.of(resourceUrl(owner.ctid())));
    }
    put(
        a,
        OFFERED_BY,
        e.testVendors().stream()
            .map(v -> orgs.get(v.slug()))
            .filter(Objects::nonNull)
            .map(o -> resourceUrl(o.ctid()))
            .toList());
    put(a, ESTIMATED_DURATION, duration(e.durationMinutes(), CtdlTerms::minutes, null));
    if (!e.proctoring().isEmpty()) {
      a.put(IS_PROCTORED, true);
    }
    put(a, DELIVERY_TYPE, concepts(PROCTORING_DELIVERY, e.proctoring()));
    List<Term> methods = new ArrayList<>(List.of(EXAM_METHOD));
    if (e.itemMix() != null
        && e.itemMix().practical() != null
        && e.itemMix().practical().max() != null
        && e.itemMix().practical().max() > 0) {
      methods.add(PERFORMANCE_METHOD);
    }
    put(
        a,
        ASSESSMENT_METHOD_TYPE,
        methods.stream().map(t -> alignment("ceterms:AssessmentMethod", t)).toList());
    put(a, ASSESSMENT_METHOD_DESCRIPTION, lang(itemWords(e)));
    if (!e.passingScores().isEmpty()) {
      put(
          a,
          SCORING_METHOD_TYPE,
          List.of(alignment("ceterms:ScoringMethod", CRITERION_REFERENCED)));
      put(a, SCORING_METHOD_DESCRIPTION, lang(passingScoreWords(e.passingScores())));
    }
    put(a, IN_LANGUAGE, e.languages());
    return a;
  }

  private static Map<String, Object> cost(PriceView x, List<SourceView> sources) {
    Map<String, Object> n = node(null, COST_PROFILE);
    put(n, NAME, lang(feeLabel(x.feeType())));
    put(n, DIRECT_COST_TYPE, concept(COST_TYPE, x.feeType()));
    BigDecimal min = x.amount() == null ? null : x.amount().min();
    BigDecimal max = x.amount() == null ? null : x.amount().max();
    put(n, PRICE, min != null ? min : max);
    put(n, CURRENCY, x.currency());
    if (x.audience() != null && x.audience() != PriceAudience.ANY) {
      put(n, AUDIENCE_TYPE, concepts(PRICE_AUDIENCE, List.of(x.audience())));
    }
    put(n, START_DATE, x.validFrom() == null ? null : x.validFrom().toString());
    // validTo is the first day no longer in force; CTDL's endDate is the last day in force.
    put(n, END_DATE, x.validTo() == null ? null : x.validTo().minusDays(1).toString());
    List<String> notes = new ArrayList<>();
    if (min != null && max != null && min.compareTo(max) != 0) {
      notes.add(priceRangeText(min, max, x.currency()));
    }
    if (x.deliveryMode() != null) {
      notes.add("For " + words(x.deliveryMode()) + " delivery.");
    }
    if (!x.requiredForAward()) {
      notes.add("Optional: not required to earn the credential.");
    }
    notes.add(sourceWords(x.source(), sources));
    put(n, DESCRIPTION, lang(withNotes(x.note(), sentences(notes))));
    return n;
  }

  private static Map<String, Object> eligibility(ProgramDetail p) {
    Map<String, Object> n = node(null, CONDITION_PROFILE);
    put(n, NAME, lang("Eligibility"));
    put(
        n,
        DESCRIPTION,
        lang(
            p.eligibility().size() == 1
                ? "Meet every condition of this route."
                : "Meet every condition of one of these routes."));
    List<Map<String, Object>> routes = new ArrayList<>();
    for (EligibilityRouteView r : p.eligibility()) {
      Map<String, Object> route = node(null, CONDITION_PROFILE);
      put(route, NAME, lang(r.name()));
      put(
          route,
          DESCRIPTION,
          lang(withNotes(r.description(), sourceWords(r.source(), p.sources()))));
      Integer age = highest(r, ConditionKind.MIN_AGE);
      put(route, MINIMUM_AGE, age);
      Integer months = highest(r, ConditionKind.EXPERIENCE_MONTHS);
      if (months != null) {
        put(
            route,
            YEARS_OF_EXPERIENCE,
            BigDecimal.valueOf(months)
                .divide(TWELVE, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros());
      }
      put(
          route,
          EXPERIENCE,
          lang(
              joined(
                  r.conditions().stream()
                      .filter(
                          x ->
                              x.kind() == ConditionKind.EXPERIENCE_MONTHS
                                  || x.kind() == ConditionKind.SUPERVISORY_EXPERIENCE)
                      .map(CtdlDocuments::conditionWords)
                      .toList(),
                  "; ")));
      put(
          route,
          CONDITION,
          langList(r.conditions().stream().map(CtdlDocuments::conditionWords).toList()));
      routes.add(route);
    }
    put(n, ALTERNATIVE_CONDITION, routes);
    return n;
  }

  private static Map<String, Object> renewal(RenewalPolicyView r, List<SourceView> sources) {
    Map<String, Object> n = node(null, CONDITION_PROFILE);
    put(n, NAME, lang("Renewal"));
    List<String> notes = new ArrayList<>();
    if (r.cycleYears() != null) {
      notes.add("Renewal cycle: " + range(r.cycleYears()) + " years.");
    }
    if (r.credits() != null) {
      notes.add(
          "Credits per cycle: "
              + range(r.credits())
              + (r.creditUnit() == null ? "" : " " + creditUnitLabel(r.creditUnit()))
              + ".");
    }
    if (!r.acceptedRoutes().isEmpty()) {
      notes.add(
          "Accepted ways to renew: "
              + r.acceptedRoutes().stream()
                  .map(CtdlDocuments::words)
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (r.proofRetentionYears() != null) {
      notes.add("Keep proof of credits for " + r.proofRetentionYears() + " years.");
    }
    notes.add(sourceWords(r.source(), sources));
    put(n, DESCRIPTION, lang(withNotes(r.note(), sentences(notes))));
    if (r.credits() != null) {
      Map<String, Object> value = node(null, VALUE_PROFILE);
      if (Objects.equals(r.credits().min(), r.credits().max())) {
        put(value, VALUE, r.credits().min());
      } else {
        put(value, MIN_VALUE, r.credits().min());
        put(value, MAX_VALUE, r.credits().max());
      }
      put(
          value,
          CREDIT_UNIT_TYPE,
          concepts(CREDIT_UNIT, r.creditUnit() == null ? List.of() : List.of(r.creditUnit())));
      put(n, CREDIT_VALUE, List.of(value));
    }
    if (r.creditUnit() != null && CREDIT_UNIT.term(r.creditUnit()).isEmpty()) {
      put(n, CREDIT_UNIT_TYPE_DESCRIPTION, lang(creditUnitLabel(r.creditUnit())));
    }
    put(n, ESTIMATED_COST, r.fees().stream().map(x -> cost(x, sources)).toList());
    return n;
  }

  private static String programNotes(ProgramDetail p) {
    List<String> notes = new ArrayList<>();
    if (p.level() != null) {
      notes.add("Career level: " + words(p.level()) + ".");
    }
    if (!p.audienceRoles().isEmpty()) {
      notes.add("Audience: " + wordsOf(p.audienceRoles()) + ".");
    }
    if (!p.competencies().isEmpty()) {
      notes.add("Competencies: " + wordsOf(p.competencies()) + ".");
    }
    if (!p.deliveryModes().isEmpty()) {
      notes.add("Training delivery: " + wordsOf(p.deliveryModes()) + ".");
    }
    if (p.launchYear() != null) {
      notes.add("Launched in " + p.launchYear() + ".");
    }
    if (p.supersededBy() != null) {
      notes.add("Superseded by the catalog's program " + p.supersededBy() + ".");
    }
    if (p.lastVerifiedAt() != null) {
      notes.add("Facts last verified against the issuer on " + p.lastVerifiedAt() + ".");
    }
    if (p.recognition() != null && p.recognition().postingShare() != null) {
      notes.add(
          "Named in "
              + p.recognition()
                  .postingShare()
                  .movePointRight(2)
                  .stripTrailingZeros()
                  .toPlainString()
              + "% of the job postings scanned"
              + (p.recognition().latestPeriodEnd() == null
                  ? ""
                  : " (latest period ending " + p.recognition().latestPeriodEnd() + ")")
              + ".");
    }
    p.outcomes().forEach(o -> notes.add("Outcome claimed: " + o.statement()));
    notes.add(sourceWords(p.source(), p.sources()));
    return sentences(notes);
  }

  private static String examNotes(ExamFormatView e, List<SourceView> sources) {
    List<String> notes = new ArrayList<>();
    if (e.retake() != null) {
      List<String> parts = new ArrayList<>();
      if (e.retake().attempts() != null) {
        parts.add(
            "up to "
                + e.retake().attempts()
                + " attempts"
                + (e.retake().windowMonths() == null
                    ? ""
                    : " within " + e.retake().windowMonths() + " months"));
      }
      if (e.retake().waitDays() != null) {
        parts.add(e.retake().waitDays() + " days between attempts");
      }
      notes.add("Retakes: " + String.join(", ", parts) + ".");
    }
    if (e.accommodationExtraMinutes() != null) {
      notes.add("Accommodation: up to " + e.accommodationExtraMinutes() + " extra minutes.");
    }
    notes.add(sourceWords(e.source(), sources));
    return sentences(notes);
  }

  /** Question counts and item mix, in words ({@code ceterms:assessmentMethodDescription}). */
  static String itemWords(ExamFormatView e) {
    List<String> parts = new ArrayList<>();
    if (e.questionCount() != null) {
      parts.add(range(e.questionCount()) + " questions");
    }
    if (e.itemMix() != null) {
      List<String> mix = new ArrayList<>();
      share(mix, "multiple choice", e.itemMix().multipleChoice());
      share(mix, "scenario", e.itemMix().scenario());
      share(mix, "practical", e.itemMix().practical());
      if (!mix.isEmpty()) {
        parts.add(String.join(", ", mix));
      }
    }
    return parts.isEmpty() ? null : String.join("; ", parts) + ".";
  }

  /** Every passing score in words ({@code ceterms:scoringMethodDescription}). */
  static String passingScoreWords(List<ExamFormatView.PassingScore> scores) {
    List<String> parts = new ArrayList<>();
    for (ExamFormatView.PassingScore s : scores) {
      String figure = decimalRange(s.min(), s.max());
      if (s.scale() == PassingScale.PERCENT) {
        parts.add(figure + " percent");
      } else if (s.scale() == PassingScale.SCALED) {
        parts.add(
            figure + (s.scaleMax() == null ? "" : " of " + s.scaleMax()) + " on a scaled score");
      } else {
        parts.add(figure + (s.scaleMax() == null ? "" : " of " + s.scaleMax()));
      }
    }
    return "Passing score: " + String.join("; or ", parts) + ".";
  }

  private static void share(List<String> mix, String kind, IntRange pct) {
    if (pct != null) {
      mix.add(kind + " " + range(pct) + "%");
    }
  }

  private static Integer highest(EligibilityRouteView r, ConditionKind kind) {
    return r.conditions().stream()
        .filter(x -> x.kind() == kind && x.value() != null && x.value().min() != null)
        .map(x -> x.value().min())
        .max(Integer::compare)
        .orElse(null);
  }

  private static String conditionWords(EligibilityRouteView.Condition x) {
    if (x.description() != null) {
      return x.description();
    }
    String value = x.value() == null ? "" : " " + range(x.value());
    return words(x.kind()) + value + (x.credential() == null ? "" : " " + x.credential());
  }

  private static String studyHours(IntRange hours) {
    return hours == null ? null : range(hours) + " hours of study.";
  }

  private static List<Map<String, Object>> duration(
      IntRange range, Function<Integer, String> iso, String description) {
    if (range == null && description == null) {
      return List.of();
    }
    Map<String, Object> d = node(null, DURATION_PROFILE);
    if (range != null && range.min() != null && Objects.equals(range.min(), range.max())) {
      put(d, EXACT_DURATION, iso.apply(range.min()));
    } else if (range != null) {
      put(d, MINIMUM_DURATION, range.min() == null ? null : iso.apply(range.min()));
      put(d, MAXIMUM_DURATION, range.max() == null ? null : iso.apply(range.max()));
    }
    put(d, DESCRIPTION, lang(description));
    return List.of(d);
  }

  private static List<String> alternateNames(ProgramDetail p) {
    Set<String> names = new LinkedHashSet<>();
    if (p.acronym() != null) {
      names.add(p.acronym());
    }
    names.addAll(p.aliases());
    names.remove(p.name());
    return List.copyOf(names);
  }

  private static String sourceWords(String slug, List<SourceView> sources) {
    if (slug == null) {
      return null;
    }
    return sources.stream()
        .filter(s -> slug.equals(s.slug()))
        .findFirst()
        .map(
            s ->
                "Source: "
                    + (s.title() != null ? s.title() : s.slug())
                    + (s.url() == null ? "" : " (" + s.url() + ")")
                    + (s.asOfYear() == null ? "" : ", as of " + s.asOfYear())
                    + ".")
        .orElse("Source: " + slug + ".");
  }

  private static <E extends Enum<E>> Map<String, Object> concept(Mapping<E> mapping, E value) {
    return mapping.term(value).map(t -> alignment(mapping.scheme(), t)).orElse(null);
  }

  private static <E extends Enum<E>> List<Map<String, Object>> concepts(
      Mapping<E> mapping, Collection<E> values) {
    // Several of our values may share a concept (self-paced and live online are both online).
    return values.stream()
        .map(mapping::term)
        .flatMap(java.util.Optional::stream)
        .distinct()
        .map(t -> alignment(mapping.scheme(), t))
        .toList();
  }

  private static Map<String, Object> alignment(String scheme, Term concept) {
    Map<String, Object> a = node(null, CREDENTIAL_ALIGNMENT_OBJECT);
    a.put(FRAMEWORK, frameworkUrl(scheme));
    a.put(FRAMEWORK_NAME, lang(CtdlTerms.localName(scheme)));
    a.put(TARGET_NODE, concept.id());
    a.put(TARGET_NODE_NAME, lang(concept.label()));
    return a;
  }

  private static Map<String, Object> node(String id, String type) {
    Map<String, Object> n = new LinkedHashMap<>();
    if (id != null) {
      n.put(AT_ID, id);
    }
    n.put(AT_TYPE, type);
    return n;
  }

  private static void put(Map<String, Object> node, String property, Object value) {
    if (value == null
        || value instanceof Collection<?> c && c.isEmpty()
        || value instanceof Map<?, ?> m && m.isEmpty()) {
      return;
    }
    node.put(property, value);
  }

  private static Map<String, Object> lang(String text) {
    return text == null || text.isBlank() ? null : Map.of(LANGUAGE, text);
  }

  private static Map<String, Object> langList(List<String> texts) {
    return texts.isEmpty() ? null : Map.of(LANGUAGE, texts);
  }

  private static String sentences(List<String> parts) {
    return joined(parts, " ");
  }

  private static String joined(List<String> parts, String separator) {
    String text = parts.stream().filter(Objects::nonNull).collect(Collectors.joining(separator));
    return text.isEmpty() ? null : text;
  }

  private static String range(IntRange r) {
    if (r.min() != null && r.max() != null && !r.min().equals(r.max())) {
      return r.min() + " to " + r.max();
    }
    if (r.min() == null) {
      return "up to " + r.max();
    }
    return r.max() == null && r.min() != null ? r.min() + " or more" : r.min().toString();
  }

  private static String decimalRange(BigDecimal min, BigDecimal max) {
    String lo = min == null ? null : min.stripTrailingZeros().toPlainString();
    String hi = max == null ? null : max.stripTrailingZeros().toPlainString();
    if (lo != null && hi != null && !lo.equals(hi)) {
      return lo + " to " + hi;
    }
    return lo != null ? lo : hi;
  }

  private static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String wordsOf(Collection<? extends Enum<?>> values) {
    return values.stream().map(CtdlDocuments::words).collect(Collectors.joining(", "));
  }
}
