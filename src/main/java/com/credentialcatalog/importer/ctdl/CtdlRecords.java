package com.credentialcatalog.importer.ctdl;

import static com.credentialcatalog.service.ctdl.CtdlTerms.*;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.importer.ctdl.CtdlDocument.Node;
import com.credentialcatalog.service.ctdl.CtdlTerms;
import com.credentialcatalog.service.ctdl.CtdlTerms.Mapping;
import com.credentialcatalog.write.EligibilityRouteInput;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProgramInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import com.credentialcatalog.write.WriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CTDL nodes read into the catalog's write inputs, without touching the database: what a record
 * states becomes the input the REST writes take, what it states that the catalog has no place for
 * is listed (unmapped terms, unresolved references) and what cannot be stored as stated is given a
 * reason. Every vocabulary mapping is {@link CtdlTerms}'s, the one the export writes with.
 * References to other nodes stay references here: the importer resolves them against the document
 * and the catalog.
 */
final class CtdlRecords {

  /** What the import says about a node besides its outcome. */
  static final class Notes {
    final Set<String> unmapped = new LinkedHashSet<>();
    final List<String> reasons = new ArrayList<>();
  }

  /** An organization with a CTID: a provider. Slug and source are set by the importer. */
  record Organization(Node node, ProviderInput input) {}

  /** A reference from a credential to a recognizing organization, by property. */
  record Recognition(RecognitionKind kind, String property, String reference) {}

  /**
   * A credential: a program and its children. The input's slug, provider and source are set by the
   * importer; {@code owners} are the references to try for the provider, in order.
   */
  record Credential(
      Node node,
      ProgramInput input,
      List<String> owners,
      List<String> alternateNames,
      List<PriceInput> prices,
      List<EligibilityRouteInput> routes,
      RenewalPolicyInput renewal,
      List<String> assessments,
      List<Recognition> recognitions) {}

  /** An assessment profile: an exam format; {@code vendors} are references to its test vendors. */
  record Assessment(Node node, ExamFormatInput input, List<String> vendors) {}

  private static final Set<String> NODE_KEYWORDS = Set.of(AT_ID, AT_TYPE, AT_CONTEXT, CTID);

  private static final Set<String> ORGANIZATION_TERMS =
      Set.of(NAME, ALTERNATE_NAME, DESCRIPTION, SUBJECT_WEBPAGE, AGENT_TYPE);

  private static final Set<String> CREDENTIAL_TERMS =
      Set.of(
          NAME,
          ALTERNATE_NAME,
          DESCRIPTION,
          SUBJECT_WEBPAGE,
          IN_LANGUAGE,
          OWNED_BY,
          OFFERED_BY,
          ESTIMATED_COST,
          REQUIRES,
          RENEWAL,
          RENEWAL_FREQUENCY,
          ACCREDITED_BY,
          RECOGNIZED_BY,
          APPROVED_BY,
          CREDENTIAL_STATUS_TYPE,
          AUDIENCE_LEVEL_TYPE,
          LEARNING_DELIVERY_TYPE,
          ESTIMATED_DURATION);

  private static final Set<String> CONDITION_TERMS =
      Set.of(
          AT_TYPE,
          NAME,
          DESCRIPTION,
          ALTERNATIVE_CONDITION,
          MINIMUM_AGE,
          YEARS_OF_EXPERIENCE,
          EXPERIENCE,
          CONDITION,
          TARGET_ASSESSMENT,
          "ceterms:targetCredential",
          ESTIMATED_COST,
          CREDIT_VALUE,
          CREDIT_UNIT_TYPE_DESCRIPTION);

  private static final Set<String> COST_TERMS =
      Set.of(
          AT_TYPE,
          NAME,
          DESCRIPTION,
          PRICE,
          CURRENCY,
          DIRECT_COST_TYPE,
          AUDIENCE_TYPE,
          START_DATE,
          END_DATE);

  private static final Set<String> ASSESSMENT_TERMS =
      Set.of(
          NAME,
          DESCRIPTION,
          ESTIMATED_DURATION,
          IS_PROCTORED,
          DELIVERY_TYPE,
          OFFERED_BY,
          OWNED_BY,
          IN_LANGUAGE,
          ASSESSMENT_METHOD_TYPE,
          SCORING_METHOD_TYPE);

  private CtdlRecords() {}

  /** Whether the node is an organization (a provider, or a recognizing body). */
  static boolean isOrganization(Node node) {
    return node.is(CREDENTIAL_ORGANIZATION)
        || node.is(QA_CREDENTIAL_ORGANIZATION)
        || node.is("ceterms:Organization");
  }

  /** The credential type of the node's class, if it is a credential class the catalog holds. */
  static Optional<CredentialType> credentialType(Node node) {
    return node.types().stream().map(CREDENTIAL_CLASS::value).flatMap(Optional::stream).findFirst();
  }

  /** The node's name, required of every node the catalog stores. */
  static String name(Node node) {
    JsonNode value = node.get(NAME);
    String name = CtdlValues.text(value);
    if (name == null) {
      throw CtdlDocument.bad(
          node.label() + " " + NAME,
          value == null
              ? "is required: a provider or program needs a name"
              : "must be text or a language map such as {\"en\": \"…\"}");
    }
    if (name.length() > WriteConstraints.NAME_MAX) {
      throw CtdlDocument.bad(
          node.label() + " " + NAME, "is longer than " + WriteConstraints.NAME_MAX + " characters");
    }
    return name;
  }

  /** An organization as a provider input (slug and source left to the importer). */
  static Organization organization(Node node, Notes notes) {
    String name = name(node);
    ProviderKind kind = null;
    for (JsonNode cao : CtdlValues.objects(node.get(AGENT_TYPE))) {
      String concept = cao.path(TARGET_NODE).asText(null);
      Optional<ProviderKind> mapped = ORGANIZATION_TYPE.value(concept);
      if (mapped.isPresent()) {
        kind = mapped.get();
        break;
      }
      notes.unmapped.add(AGENT_TYPE + " " + concept);
    }
    String acronym =
        CtdlValues.texts(node.get(ALTERNATE_NAME)).stream()
            .filter(a -> a.length() <= WriteConstraints.ACRONYM_MAX)
            .findFirst()
            .orElse(null);
    rest(node.json(), ORGANIZATION_TERMS, null, notes);
    ProviderInput input =
        new ProviderInput(
            null,
            name,
            acronym,
            kind,
            url(node, SUBJECT_WEBPAGE, node.get(SUBJECT_WEBPAGE), notes),
            null,
            description(node.get(DESCRIPTION)),
            null);
    return new Organization(node, input);
  }

  /**
   * A credential as a program input and its children.
   *
   * @param inDocument whether a reference names a node of the same document: a {@code requires}
   *     profile that only names assessments of the document is the link to its exam formats, not an
   *     eligibility route
   */
  static Credential credential(
      Node node, CredentialType type, Predicate<String> inDocument, Notes notes) {
    String name = name(node);
    List<String> stated = CtdlValues.texts(node.get(ALTERNATE_NAME));
    String acronym =
        stated.stream()
            .filter(a -> a.length() <= WriteConstraints.ACRONYM_MAX && !a.matches(".*\\s.*"))
            .findFirst()
            .orElse(null);
    // The name is an alias too (lookups of job-ad strings match aliases; the export leaves it out
    // of alternateName), after the written ones: of two that normalize alike the first is kept.
    List<String> alternateNames = new ArrayList<>(stated);
    alternateNames.add(name);
    List<String> languages = new ArrayList<>();
    for (String written : CtdlValues.texts(node.get(IN_LANGUAGE))) {
      CtdlValues.language(written)
          .ifPresentOrElse(
              languages::add, () -> notes.unmapped.add(IN_LANGUAGE + " '" + written + "'"));
    }
    Level level = single(node, AUDIENCE_LEVEL_TYPE, AUDIENCE_LEVEL, notes);
    ProgramStatus status = single(node, CREDENTIAL_STATUS_TYPE, CREDENTIAL_STATUS, notes);
    List<DeliveryMode> delivery = all(node.get(LEARNING_DELIVERY_TYPE), LEARNING_DELIVERY, notes);
    Integer[] weeks = weeks(node, notes);

    List<String> owners = new ArrayList<>(CtdlValues.references(node.get(OWNED_BY)));
    owners.addAll(CtdlValues.references(node.get(OFFERED_BY)));

    List<PriceInput> prices = new ArrayList<>();
    for (JsonNode cost : CtdlValues.objects(node.get(ESTIMATED_COST))) {
      price(cost, ESTIMATED_COST, null, notes).ifPresent(prices::add);
    }
    List<EligibilityRouteInput> routes = new ArrayList<>();
    List<String> assessments = new ArrayList<>();
    for (JsonNode requires : CtdlValues.objects(node.get(REQUIRES))) {
      routes(requires, REQUIRES, inDocument, routes, assessments, prices, notes);
    }
    RenewalPolicyInput renewal = renewal(node, prices, assessments, notes);
    List<Recognition> recognitions = new ArrayList<>();
    for (String property : List.of(ACCREDITED_BY, RECOGNIZED_BY, APPROVED_BY)) {
      RecognitionKind kind = RECOGNITION_PROPERTY.value(property).orElseThrow();
      for (String reference : CtdlValues.references(node.get(property))) {
        recognitions.add(new Recognition(kind, property, reference));
      }
    }
    rest(node.json(), CREDENTIAL_TERMS, null, notes);
    ProgramInput input =
        new ProgramInput(
            null,
            name,
            acronym,
            null,
            type,
            level,
            null,
            null,
            delivery.isEmpty() ? null : delivery,
            languages.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(languages)),
            null,
            null,
            weeks[0],
            weeks[1],
            null,
            status,
            null,
            url(node, SUBJECT_WEBPAGE, node.get(SUBJECT_WEBPAGE), notes),
            description(node.get(DESCRIPTION)),
            null,
            null);
    return new Credential(
        node,
        input,
        owners,
        alternateNames,
        prices,
        routes,
        renewal,
        List.copyOf(new LinkedHashSet<>(assessments)),
        recognitions);
  }

  /** An assessment profile as an exam format input (test vendors left to the importer). */
  static Assessment assessment(Node node, Notes notes) {
    String name = name(node);
    Integer[] minutes = {null, null};
    for (JsonNode duration : CtdlValues.objects(node.get(ESTIMATED_DURATION))) {
      minutes = minutes(duration, notes);
    }
    List<Proctoring> proctoring = all(node.get(DELIVERY_TYPE), PROCTORING_DELIVERY, notes);
    JsonNode proctored = node.get(IS_PROCTORED);
    if (proctored != null && proctored.isBoolean() && !proctored.asBoolean()) {
      // An unproctored assessment has no proctoring place, whatever its delivery.
      proctoring = List.of();
    }
    List<String> languages = new ArrayList<>();
    for (String written : CtdlValues.texts(node.get(IN_LANGUAGE))) {
      CtdlValues.language(written)
          .ifPresentOrElse(
              languages::add, () -> notes.unmapped.add(IN_LANGUAGE + " '" + written + "'"));
    }
    rest(node.json(), ASSESSMENT_TERMS, null, notes);
    String description = description(node.get(DESCRIPTION));
    ExamFormatInput input =
        new ExamFormatInput(
            name,
            minutes[0],
            minutes[1],
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            proctoring.isEmpty() ? null : proctoring,
            null,
            null,
            null,
            null,
            languages.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(languages)),
            null,
            fits(description, WriteConstraints.NOTE_MAX, DESCRIPTION, notes),
            null);
    return new Assessment(node, input, CtdlValues.references(node.get(OFFERED_BY)));
  }

  private static Integer[] minutes(JsonNode duration, Notes notes) {
    Optional<Integer> exact = CtdlValues.minutes(duration.path(EXACT_DURATION).asText(null));
    if (exact.isPresent()) {
      return new Integer[] {exact.get(), exact.get()};
    }
    Optional<Integer> min = CtdlValues.minutes(duration.path(MINIMUM_DURATION).asText(null));
    Optional<Integer> max = CtdlValues.minutes(duration.path(MAXIMUM_DURATION).asText(null));
    if (min.isEmpty() && max.isEmpty()) {
      notes.unmapped.add(ESTIMATED_DURATION + " (no duration in hours or minutes)");
    }
    return new Integer[] {min.orElse(max.orElse(null)), max.orElse(min.orElse(null))};
  }

  /** A programme length in weeks, as the export writes it ({@code P12W}); other forms unmapped. */
  private static Integer[] weeks(Node node, Notes notes) {
    Integer[] out = {null, null};
    for (JsonNode d : CtdlValues.objects(node.get(ESTIMATED_DURATION))) {
      Optional<Integer> exact = weeks(d.path(EXACT_DURATION).asText(null));
      Optional<Integer> min = exact.or(() -> weeks(d.path(MINIMUM_DURATION).asText(null)));
      Optional<Integer> max = exact.or(() -> weeks(d.path(MAXIMUM_DURATION).asText(null)));
      if (min.isEmpty() && max.isEmpty()) {
        notes.unmapped.add(ESTIMATED_DURATION + " (not a length in weeks)");
        continue;
      }
      out = new Integer[] {min.orElse(max.get()), max.orElse(min.get())};
    }
    return out;
  }

  private static Optional<Integer> weeks(String iso) {
    if (iso == null) {
      return Optional.empty();
    }
    try {
      Period p = Period.parse(iso.strip());
      return p.getYears() == 0 && p.getMonths() == 0 && p.getDays() > 0 && p.getDays() % 7 == 0
          ? Optional.of(p.getDays() / 7)
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The routes a {@code requires} condition profile states: one per {@code alternativeCondition},
   * and one for the profile's own conditions when it states any (or states no alternative).
   */
  private static void routes(
      JsonNode requires,
      String path,
      Predicate<String> inDocument,
      List<EligibilityRouteInput> routes,
      List<String> assessments,
      List<PriceInput> prices,
      Notes notes) {
    List<JsonNode> alternatives = CtdlValues.objects(requires.get(ALTERNATIVE_CONDITION));
    List<EligibilityRouteInput.Condition> own =
        conditions(requires, path, null, assessments, prices, notes);
    List<String> targets = CtdlValues.references(requires.get(TARGET_ASSESSMENT));
    boolean examLink = !targets.isEmpty() && targets.stream().allMatch(inDocument);
    if (!own.isEmpty() || (alternatives.isEmpty() && !examLink)) {
      route(requires, own, routes, notes);
    }
    for (JsonNode alternative : alternatives) {
      String inner = path + "/" + ALTERNATIVE_CONDITION;
      route(
          alternative,
          conditions(alternative, inner, null, assessments, prices, notes),
          routes,
          notes);
    }
  }

  private static void route(
      JsonNode profile,
      List<EligibilityRouteInput.Condition> conditions,
      List<EligibilityRouteInput> routes,
      Notes notes) {
    String name = CtdlValues.text(profile.get(NAME));
    String description = description(profile.get(DESCRIPTION));
    List<EligibilityRouteInput.Condition> stated = new ArrayList<>(conditions);
    if (stated.isEmpty()) {
      // A requirement stated only in words: met by showing it when applying, never assumed met.
      stated.add(
          new EligibilityRouteInput.Condition(
              ConditionKind.ATTESTATION,
              null,
              null,
              null,
              description != null ? description : name));
    }
    String routeName = name != null ? name : "Route " + (routes.size() + 1);
    routes.add(
        new EligibilityRouteInput(
            clip(routeName, WriteConstraints.NAME_MAX),
            fits(description, WriteConstraints.DESCRIPTION_MAX, DESCRIPTION, notes),
            stated,
            null));
  }

  private static List<EligibilityRouteInput.Condition> conditions(
      JsonNode profile,
      String path,
      FeeType feeType,
      List<String> assessments,
      List<PriceInput> prices,
      Notes notes) {
    List<EligibilityRouteInput.Condition> out = new ArrayList<>();
    CtdlValues.number(profile.get(MINIMUM_AGE))
        .ifPresent(
            age ->
                wholeNumber(age, path + "/" + MINIMUM_AGE, notes)
                    .ifPresent(
                        a ->
                            out.add(
                                new EligibilityRouteInput.Condition(
                                    ConditionKind.MIN_AGE, a, null, null, null))));
    String experience = CtdlValues.text(profile.get(EXPERIENCE));
    Optional<BigDecimal> years = CtdlValues.number(profile.get(YEARS_OF_EXPERIENCE));
    if (years.isPresent()) {
      wholeNumber(
              years.get().multiply(BigDecimal.valueOf(12)), path + "/" + YEARS_OF_EXPERIENCE, notes)
          .ifPresent(
              months ->
                  out.add(
                      new EligibilityRouteInput.Condition(
                          ConditionKind.EXPERIENCE_MONTHS,
                          months,
                          null,
                          null,
                          fits(experience, WriteConstraints.DESCRIPTION_MAX, EXPERIENCE, notes))));
    } else if (experience != null) {
      out.add(
          new EligibilityRouteInput.Condition(
              ConditionKind.EXPERIENCE_MONTHS,
              null,
              null,
              null,
              fits(experience, WriteConstraints.DESCRIPTION_MAX, EXPERIENCE, notes)));
    }
    for (String reference : CtdlValues.references(profile.get("ceterms:targetCredential"))) {
      out.add(
          new EligibilityRouteInput.Condition(
              ConditionKind.PREREQUISITE_CREDENTIAL,
              null,
              null,
              clip(reference, WriteConstraints.NAME_MAX),
              null));
    }
    List<String> words = CtdlValues.texts(profile.get(CONDITION));
    if (!out.isEmpty() && !words.isEmpty()) {
      // The same conditions again in words (the export writes both): the figures are the facts.
      notes.unmapped.add(path + "/" + CONDITION + " (words beside the stated figures)");
      words = List.of();
    }
    for (String text : words) {
      out.add(
          new EligibilityRouteInput.Condition(
              ConditionKind.ATTESTATION,
              null,
              null,
              null,
              fits(text, WriteConstraints.DESCRIPTION_MAX, CONDITION, notes)));
    }
    assessments.addAll(CtdlValues.references(profile.get(TARGET_ASSESSMENT)));
    for (JsonNode cost : CtdlValues.objects(profile.get(ESTIMATED_COST))) {
      price(cost, path + "/" + ESTIMATED_COST, feeType, notes).ifPresent(prices::add);
    }
    rest(profile, CONDITION_TERMS, path, notes);
    return out;
  }

  /** The renewal policy the credential's {@code renewal} profile and frequency state. */
  private static RenewalPolicyInput renewal(
      Node node, List<PriceInput> prices, List<String> assessments, Notes notes) {
    List<JsonNode> profiles = CtdlValues.objects(node.get(RENEWAL));
    Optional<Integer> cycle =
        Optional.ofNullable(node.get(RENEWAL_FREQUENCY))
            .flatMap(f -> CtdlValues.years(f.asText(null)));
    if (node.get(RENEWAL_FREQUENCY) != null && cycle.isEmpty()) {
      notes.unmapped.add(RENEWAL_FREQUENCY + " (not a whole number of years)");
    }
    if (profiles.isEmpty() && cycle.isEmpty()) {
      return null;
    }
    Integer creditsMin = null;
    Integer creditsMax = null;
    CreditUnit unit = null;
    List<String> words = new ArrayList<>();
    for (JsonNode profile : profiles) {
      for (JsonNode credit : CtdlValues.objects(profile.get(CREDIT_VALUE))) {
        Optional<BigDecimal> value = CtdlValues.number(credit.get(VALUE));
        Optional<BigDecimal> min = value.or(() -> CtdlValues.number(credit.get(MIN_VALUE)));
        Optional<BigDecimal> max = value.or(() -> CtdlValues.number(credit.get(MAX_VALUE)));
        creditsMin =
            min.flatMap(v -> wholeNumber(v, RENEWAL + "/" + CREDIT_VALUE, notes)).orElse(null);
        creditsMax =
            max.flatMap(v -> wholeNumber(v, RENEWAL + "/" + CREDIT_VALUE, notes)).orElse(null);
        for (JsonNode cao : CtdlValues.objects(credit.get(CREDIT_UNIT_TYPE))) {
          unit = CREDIT_UNIT.value(cao.path(TARGET_NODE).asText(null)).orElse(unit);
        }
        if (unit == null) {
          unit =
              CtdlTerms.creditUnitOfLabel(CtdlValues.text(credit.get(CREDIT_UNIT_TYPE_DESCRIPTION)))
                  .orElse(null);
        }
      }
      if (unit == null) {
        unit =
            CtdlTerms.creditUnitOfLabel(CtdlValues.text(profile.get(CREDIT_UNIT_TYPE_DESCRIPTION)))
                .orElse(null);
      }
      String description = description(profile.get(DESCRIPTION));
      if (description != null) {
        words.add(description);
      }
      // What a renewal asks beyond credits (experience, conditions in words) is kept as words.
      conditions(profile, RENEWAL, FeeType.RENEWAL, assessments, prices, notes).stream()
          .map(EligibilityRouteInput.Condition::description)
          .filter(d -> d != null && !words.contains(d))
          .forEach(words::add);
    }
    String note = words.isEmpty() ? null : String.join("\n\n", words);
    return new RenewalPolicyInput(
        cycle.orElse(null),
        cycle.orElse(null),
        creditsMin,
        creditsMax,
        unit,
        null,
        null,
        fits(note, WriteConstraints.NOTE_MAX, RENEWAL + "/" + DESCRIPTION, notes),
        null);
  }

  /**
   * A cost profile as a price; empty (with a reason) when it states no amount, no currency the
   * catalog can name by ISO 4217, or no fee type.
   *
   * @param feeType the fee type the context fixes (a renewal's cost is the renewal fee), or null
   */
  private static Optional<PriceInput> price(
      JsonNode cost, String path, FeeType feeType, Notes notes) {
    String name = CtdlValues.text(cost.get(NAME));
    String label = path + (name == null ? "" : " '" + name + "'");
    rest(cost, COST_TERMS, path, notes);
    Optional<BigDecimal> amount = CtdlValues.number(cost.get(PRICE));
    if (amount.isEmpty()) {
      notes.reasons.add(label + ": no " + PRICE + ", so no price was stored");
      return Optional.empty();
    }
    String writtenCurrency = CtdlValues.text(cost.get(CURRENCY));
    Optional<String> currency = CtdlValues.currency(writtenCurrency);
    if (currency.isEmpty()) {
      notes.reasons.add(
          label
              + ": "
              + CURRENCY
              + (writtenCurrency == null
                  ? " is missing"
                  : " '" + writtenCurrency + "' is neither an ISO 4217 code nor a currency name")
              + ", so no price was stored");
      return Optional.empty();
    }
    String concept = null;
    for (JsonNode cao : CtdlValues.objects(cost.get(DIRECT_COST_TYPE))) {
      concept = cao.path(TARGET_NODE).asText(null);
    }
    Optional<FeeType> fee =
        feeType != null ? Optional.of(feeType) : CtdlTerms.feeType(concept, name);
    if (fee.isEmpty()) {
      notes.reasons.add(
          label
              + ": "
              + (concept == null ? "no " + DIRECT_COST_TYPE : DIRECT_COST_TYPE + " " + concept)
              + " names no fee type of the catalog, so no price was stored");
      return Optional.empty();
    }
    PriceAudience audience = null;
    for (JsonNode cao : CtdlValues.objects(cost.get(AUDIENCE_TYPE))) {
      String target = cao.path(TARGET_NODE).asText(null);
      Optional<PriceAudience> mapped = PRICE_AUDIENCE.value(target);
      if (mapped.isPresent()) {
        audience = mapped.get();
      } else {
        notes.unmapped.add(
            path
                + "/"
                + AUDIENCE_TYPE
                + " '"
                + (target != null ? target : CtdlValues.text(cao.get(TARGET_NODE_NAME)))
                + "'");
      }
    }
    String full = CtdlValues.text(cost.get(DESCRIPTION));
    String description = description(cost.get(DESCRIPTION));
    BigDecimal min = amount.get();
    BigDecimal max = amount.get();
    Optional<PriceRange> range = CtdlTerms.priceRange(full);
    if (range.isPresent()
        && range.get().currency().equals(currency.get())
        && range.get().min().compareTo(min) == 0) {
      max = range.get().max();
      description = description == null ? null : withoutSentence(description, range.get());
    }
    // Whether paying is required has no CTDL property; the export says so in its notes.
    Boolean required =
        CtdlTerms.notes(full).map(n -> !n.contains(CtdlTerms.OPTIONAL_COST)).orElse(null);
    return Optional.of(
        new PriceInput(
            fee.get(),
            min,
            max,
            currency.get(),
            audience,
            null,
            required,
            date(cost, START_DATE, path, notes),
            // CTDL's endDate is the last day in force; validTo the first day no longer in force.
            Optional.ofNullable(date(cost, END_DATE, path, notes))
                .map(d -> d.plusDays(1))
                .orElse(null),
            fits(description, WriteConstraints.NOTE_MAX, path + "/" + DESCRIPTION, notes),
            null));
  }

  private static String withoutSentence(String description, PriceRange range) {
    String sentence = CtdlTerms.priceRangeText(range.min(), range.max(), range.currency());
    String rest = description.replace(sentence, "").strip();
    return rest.isEmpty() ? null : rest;
  }

  private static LocalDate date(JsonNode cost, String property, String path, Notes notes) {
    String text = cost.path(property).asText(null);
    if (text == null) {
      return null;
    }
    LocalDate d = CtdlDocument.date(text);
    if (d == null) {
      notes.unmapped.add(path + "/" + property + " '" + text + "' (not a date)");
    }
    return d;
  }

  private static <E extends Enum<E>> E single(
      Node node, String property, Mapping<E> mapping, Notes notes) {
    List<E> values = all(node.get(property), mapping, notes);
    return values.isEmpty() ? null : values.get(0);
  }

  private static <E extends Enum<E>> List<E> all(JsonNode value, Mapping<E> mapping, Notes notes) {
    Set<E> out = new LinkedHashSet<>();
    for (JsonNode cao : CtdlValues.objects(value)) {
      String concept = cao.path(TARGET_NODE).asText(null);
      mapping.value(concept).ifPresent(out::add);
    }
    return new ArrayList<>(out);
  }

  /** A description without the catalog notes the export appends ({@link CtdlTerms#withNotes}). */
  private static String description(JsonNode value) {
    String text = CtdlTerms.withoutNotes(CtdlValues.text(value));
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String url(Node node, String property, JsonNode value, Notes notes) {
    String url = CtdlValues.text(value);
    if (url == null) {
      return null;
    }
    if (!url.matches(WriteConstraints.URL) || url.length() > WriteConstraints.URL_MAX) {
      notes.unmapped.add(property + " '" + url + "' (not an http(s) URL)");
      return null;
    }
    return url;
  }

  private static Optional<Integer> wholeNumber(BigDecimal value, String path, Notes notes) {
    try {
      int n = value.stripTrailingZeros().intValueExact();
      if (n >= 0) {
        return Optional.of(n);
      }
    } catch (ArithmeticException e) {
      // not a whole number: reported below
    }
    notes.unmapped.add(path + " " + value.toPlainString() + " (not a whole number)");
    return Optional.empty();
  }

  private static String fits(String text, int max, String property, Notes notes) {
    if (text != null && text.length() > max) {
      notes.unmapped.add(property + " (longer than " + max + " characters)");
      return null;
    }
    return text;
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Lists the properties of {@code object} the catalog does not read. */
  private static void rest(JsonNode object, Set<String> handled, String path, Notes notes) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String property = it.next();
      if (!handled.contains(property) && !NODE_KEYWORDS.contains(property)) {
        notes.unmapped.add(path == null ? property : path + "/" + property);
      }
    }
  }
}
