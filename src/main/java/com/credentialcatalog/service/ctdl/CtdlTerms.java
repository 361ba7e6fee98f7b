package com.credentialcatalog.service.ctdl;

import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.Ctid;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CTDL (Credential Transparency Description Language) terms the catalog writes and reads, and
 * the one mapping between each of our vocabularies and its CTDL class, property or concept scheme.
 * The export and the import both use these mappings, so a fact goes out and comes back the same
 * way; each mapping is written once and serves both directions ({@link Mapping#term} and {@link
 * Mapping#value}).
 *
 * <p>Conventions the vocabulary leaves to the publisher, fixed here:
 *
 * <ul>
 *   <li><b>CTID ↔ {@code @id}</b>: a node's {@code @id} is {@value #RESOURCE_BASE} followed by its
 *       lower-case CTID; reading, {@link #ctidOf} accepts {@code /resources/} and {@code /graph/}
 *       URLs in any case, and a bare CTID.
 *   <li><b>Language maps</b>: every text is a language map keyed {@value #LANGUAGE}.
 *   <li><b>Price range</b>: a {@code ceterms:CostProfile} holds one {@code ceterms:price}. A price
 *       given as a range is ONE cost profile whose {@code price} is the lowest amount, with the
 *       range stated in its description in the fixed form of {@link #priceRangeText} ("Price range:
 *       100.00 to 200.00 USD."), which {@link #priceRange} reads back. Two profiles would be read
 *       as two costs that add up, which a range is not.
 *   <li><b>What CTDL cannot hold as data</b> is written in words after {@value #NOTES_MARKER} in
 *       the description of the node it belongs to ({@link #withNotes}); {@link #withoutNotes} gives
 *       the publisher's own description back.
 *   <li><b>Durations</b>: ISO 8601, renewal cycles in years ({@code P3Y}), exam times in minutes
 *       ({@code PT90M}), programme lengths in weeks ({@code P12W}).
 * </ul>
 */
public final class CtdlTerms {

  /** The JSON-LD context every CTDL document names. */
  public static final String CONTEXT = "https://credreg.net/ctdl/schema/context/json";

  /** The profile URI that selects CTDL in {@code Accept: application/ld+json; profile=…}. */
  public static final String PROFILE = "https://credreg.net/ctdl/schema/";

  /** The media type of a CTDL answer. */
  public static final String MEDIA_TYPE = "application/ld+json; profile=\"" + PROFILE + "\"";

  /** Where the Registry serves a node by CTID; our {@code @id}s use the same form. */
  public static final String RESOURCE_BASE = "https://credentialengineregistry.org/resources/";

  /** Where the Registry serves a node with its blank nodes; read, never written. */
  public static final String GRAPH_BASE = "https://credentialengineregistry.org/graph/";

  /** Base of the concept-scheme URLs a {@code ceterms:CredentialAlignmentObject} names. */
  public static final String FRAMEWORK_BASE = "https://credreg.net/ctdl/terms/";

  /** The language key of every language map the export writes. */
  public static final String LANGUAGE = "en";

  /**
   * Separates a description's own text from the catalog's notes in words (facts CTDL has no
   * property for).
   */
  public static final String NOTES_MARKER = "\n\nCatalog notes: ";

  /**
   * The sentence a cost profile's notes carry when paying it is not required to earn the credential
   * (CTDL has no property for it); the import reads it back.
   */
  public static final String OPTIONAL_COST = "Optional: not required to earn the credential.";

  /** Prefix of a blank-node identifier. */
  public static final String BLANK_NODE_PREFIX = "_:";

  // JSON-LD keywords
  public static final String AT_CONTEXT = "@context";
  public static final String AT_ID = "@id";
  public static final String AT_TYPE = "@type";
  public static final String AT_GRAPH = "@graph";

  // Classes
  public static final String CERTIFICATION = "ceterms:Certification";
  public static final String CERTIFICATE = "ceterms:Certificate";
  public static final String MICRO_CREDENTIAL = "ceterms:MicroCredential";
  public static final String QUALITY_ASSURANCE_CREDENTIAL = "ceterms:QualityAssuranceCredential";
  public static final String DEGREE = "ceterms:Degree";
  public static final String CREDENTIAL_ORGANIZATION = "ceterms:CredentialOrganization";
  public static final String QA_CREDENTIAL_ORGANIZATION = "ceterms:QACredentialOrganization";
  public static final String ASSESSMENT_PROFILE = "ceterms:AssessmentProfile";
  public static final String CONDITION_PROFILE = "ceterms:ConditionProfile";
  public static final String COST_PROFILE = "ceterms:CostProfile";
  public static final String DURATION_PROFILE = "ceterms:DurationProfile";
  public static final String VALUE_PROFILE = "ceterms:ValueProfile";
  public static final String CREDENTIAL_ALIGNMENT_OBJECT = "ceterms:CredentialAlignmentObject";

  // Properties
  public static final String CTID = "ceterms:ctid";
  public static final String NAME = "ceterms:name";
  public static final String DESCRIPTION = "ceterms:description";
  public static final String ALTERNATE_NAME = "ceterms:alternateName";
  public static final String SUBJECT_WEBPAGE = "ceterms:subjectWebpage";
  public static final String IN_LANGUAGE = "ceterms:inLanguage";
  public static final String KEYWORD = "ceterms:keyword";
  public static final String OWNED_BY = "ceterms:ownedBy";
  public static final String OFFERED_BY = "ceterms:offeredBy";
  public static final String OWNS = "ceterms:owns";
  public static final String OFFERS = "ceterms:offers";
  public static final String AGENT_TYPE = "ceterms:agentType";
  public static final String ACCREDITED_BY = "ceterms:accreditedBy";
  public static final String RECOGNIZED_BY = "ceterms:recognizedBy";
  public static final String APPROVED_BY = "ceterms:approvedBy";
  public static final String CREDENTIAL_STATUS_TYPE = "ceterms:credentialStatusType";
  public static final String AUDIENCE_LEVEL_TYPE = "ceterms:audienceLevelType";
  public static final String AUDIENCE_TYPE = "ceterms:audienceType";
  public static final String LEARNING_DELIVERY_TYPE = "ceterms:learningDeliveryType";
  public static final String ESTIMATED_DURATION = "ceterms:estimatedDuration";
  public static final String EXACT_DURATION = "ceterms:exactDuration";
  public static final String MINIMUM_DURATION = "ceterms:minimumDuration";
  public static final String MAXIMUM_DURATION = "ceterms:maximumDuration";
  public static final String ESTIMATED_COST = "ceterms:estimatedCost";
  public static final String DIRECT_COST_TYPE = "ceterms:directCostType";
  public static final String PRICE = "ceterms:price";
  public static final String CURRENCY = "ceterms:currency";
  public static final String START_DATE = "ceterms:startDate";
  public static final String END_DATE = "ceterms:endDate";
  public static final String COST_DETAILS = "ceterms:costDetails";
  public static final String REQUIRES = "ceterms:requires";
  public static final String RECOMMENDS = "ceterms:recommends";
  public static final String RENEWAL = "ceterms:renewal";
  public static final String RENEWAL_FREQUENCY = "ceterms:renewalFrequency";
  public static final String ALTERNATIVE_CONDITION = "ceterms:alternativeCondition";
  public static final String CONDITION = "ceterms:condition";
  public static final String MINIMUM_AGE = "ceterms:minimumAge";
  public static final String YEARS_OF_EXPERIENCE = "ceterms:yearsOfExperience";
  public static final String EXPERIENCE = "ceterms:experience";
  public static final String TARGET_ASSESSMENT = "ceterms:targetAssessment";
  public static final String CREDIT_VALUE = "ceterms:creditValue";
  public static final String CREDIT_UNIT_TYPE = "ceterms:creditUnitType";
  public static final String CREDIT_UNIT_TYPE_DESCRIPTION = "ceterms:creditUnitTypeDescription";
  public static final String VALUE = "schema:value";
  public static final String MIN_VALUE = "schema:minValue";
  public static final String MAX_VALUE = "schema:maxValue";
  public static final String IS_PROCTORED = "ceterms:isProctored";
  public static final String ASSESSMENT_METHOD_TYPE = "ceterms:assessmentMethodType";
  public static final String ASSESSMENT_METHOD_DESCRIPTION = "ceterms:assessmentMethodDescription";
  public static final String DELIVERY_TYPE = "ceterms:deliveryType";
  public static final String DELIVERY_TYPE_DESCRIPTION = "ceterms:deliveryTypeDescription";
  public static final String SCORING_METHOD_TYPE = "ceterms:scoringMethodType";
  public static final String SCORING_METHOD_DESCRIPTION = "ceterms:scoringMethodDescription";
  public static final String FRAMEWORK = "ceterms:framework";
  public static final String FRAMEWORK_NAME = "ceterms:frameworkName";
  public static final String TARGET_NODE = "ceterms:targetNode";
  public static final String TARGET_NODE_NAME = "ceterms:targetNodeName";

  // Concepts that are not part of an enum mapping
  /** Every exam format is an exam. */
  public static final Term EXAM_METHOD = new Term("assessMethod:Exam", "Exam");

  /** An exam format with a practical share is also a performance assessment. */
  public static final Term PERFORMANCE_METHOD = new Term("assessMethod:Performance", "Performance");

  /** A pass mark is a criterion, not a rank among candidates. */
  public static final Term CRITERION_REFERENCED =
      new Term("score:CriterionReferenced", "Criterion-Referenced");

  /** What a program awards ↔ the CTDL credential class. */
  public static final Mapping<CredentialType> CREDENTIAL_CLASS =
      Mapping.builder(CredentialType.class, null)
          .map(CredentialType.CERTIFICATION, CERTIFICATION, "Certification")
          .map(CredentialType.CERTIFICATE, CERTIFICATE, "Certificate")
          .map(CredentialType.MICRO_CREDENTIAL, MICRO_CREDENTIAL, "Micro-Credential")
          .map(
              CredentialType.ORGANIZATIONAL_CERTIFICATION,
              QUALITY_ASSURANCE_CREDENTIAL,
              "Quality Assurance Credential")
          .accept("ceterms:ProfessionalCertificate", CredentialType.CERTIFICATE)
          .accept("ceterms:CertificateOfCompletion", CredentialType.CERTIFICATE)
          .accept("ceterms:Badge", CredentialType.MICRO_CREDENTIAL)
          .accept("ceterms:DigitalBadge", CredentialType.MICRO_CREDENTIAL)
          .accept("ceterms:OpenBadge", CredentialType.MICRO_CREDENTIAL)
          // The catalog keeps one degree type; the export names the general class.
          .map(CredentialType.DEGREE, DEGREE, "Degree")
          .accept("ceterms:AssociateDegree", CredentialType.DEGREE)
          .accept("ceterms:AssociateOfAppliedArtsDegree", CredentialType.DEGREE)
          .accept("ceterms:AssociateOfAppliedScienceDegree", CredentialType.DEGREE)
          .accept("ceterms:AssociateOfArtsDegree", CredentialType.DEGREE)
          .accept("ceterms:AssociateOfScienceDegree", CredentialType.DEGREE)
          .accept("ceterms:BachelorDegree", CredentialType.DEGREE)
          .accept("ceterms:BachelorOfArtsDegree", CredentialType.DEGREE)
          .accept("ceterms:BachelorOfScienceDegree", CredentialType.DEGREE)
          .accept("ceterms:DoctoralDegree", CredentialType.DEGREE)
          .accept("ceterms:MasterDegree", CredentialType.DEGREE)
          .accept("ceterms:MasterOfArtsDegree", CredentialType.DEGREE)
          .accept("ceterms:MasterOfScienceDegree", CredentialType.DEGREE)
          .accept("ceterms:SpecialistDegree", CredentialType.DEGREE)
          .build();

  /**
   * What a price pays for ↔ {@code ceterms:directCostType} (scheme {@code ceterms:CostType}).
   * Several fee types share a concept; the cost profile's {@code ceterms:name} is the fee type's
   * {@link #feeLabel label}, and {@link #feeType(String, String)} reads both.
   */
  public static final Mapping<FeeType> COST_TYPE =
      Mapping.builder(FeeType.class, "ceterms:CostType")
          .map(FeeType.EXAM, "costType:StandaloneAssessment", "Standalone/Extra Assessment")
          .map(FeeType.APPLICATION, "costType:Application", "Application")
          .map(FeeType.COURSE, "costType:Tuition", "Tuition")
          .map(FeeType.BOOTCAMP, "costType:Tuition", "Tuition")
          .map(FeeType.SELF_STUDY_BUNDLE, "costType:LearningResource", "Learning Resource")
          .map(FeeType.PRACTICE_EXAM, "costType:LearningResource", "Learning Resource")
          .map(FeeType.HANDBOOK, "costType:LearningResource", "Learning Resource")
          .map(FeeType.RETAKE, "costType:ReexaminationFee", "Reexamination Fee")
          .map(FeeType.RENEWAL, "costType:RenewalFee", "Maintenance Fee")
          .map(FeeType.MEMBERSHIP, "costType:OptionalCharges", "Optional Charges")
          .map(FeeType.AUDIT, "costType:ProcessingFee", "Processing Fee")
          .map(FeeType.TRAVEL_ESTIMATE, "costType:Travel", "Travel")
          .accept("costType:EnrollmentFee", FeeType.COURSE)
          .accept("costType:ScoringFee", FeeType.EXAM)
          .build();

  /** Who a price applies to ↔ {@code ceterms:audienceType}; {@code ANY} has no concept. */
  public static final Mapping<PriceAudience> PRICE_AUDIENCE =
      Mapping.builder(PriceAudience.class, "ceterms:Audience")
          .map(PriceAudience.MEMBER, "audience:Member", "Member")
          .map(PriceAudience.NON_MEMBER, "audience:NonMember", "Non-Member")
          .build();

  /** Where an exam is proctored ↔ the assessment's {@code ceterms:deliveryType}. */
  public static final Mapping<Proctoring> PROCTORING_DELIVERY =
      Mapping.builder(Proctoring.class, "ceterms:Delivery")
          .map(Proctoring.REMOTE, "deliveryType:OnlineOnly", "Online Only")
          .map(Proctoring.TEST_CENTER, "deliveryType:InPerson", "In-Person Only")
          .build();

  /** How training is delivered ↔ the credential's {@code ceterms:learningDeliveryType}. */
  public static final Mapping<DeliveryMode> LEARNING_DELIVERY =
      Mapping.builder(DeliveryMode.class, "ceterms:Delivery")
          .map(DeliveryMode.SELF_PACED_ONLINE, "deliveryType:OnlineOnly", "Online Only")
          .map(DeliveryMode.LIVE_ONLINE, "deliveryType:OnlineOnly", "Online Only")
          .map(DeliveryMode.IN_PERSON, "deliveryType:InPerson", "In-Person Only")
          .map(DeliveryMode.BLENDED, "deliveryType:BlendedDelivery", "Blended Delivery")
          .build();

  /**
   * The unit of renewal credits ↔ {@code ceterms:creditUnitType}. PDU and CPD have no concept: they
   * travel as {@code ceterms:creditUnitTypeDescription} ({@link #creditUnitLabel}).
   */
  public static final Mapping<CreditUnit> CREDIT_UNIT =
      Mapping.builder(CreditUnit.class, "ceterms:CreditUnit")
          .map(CreditUnit.CEU, "creditUnit:ContinuingEducationUnit", "Continuing Education Unit")
          .map(CreditUnit.HOURS, "creditUnit:ClockHour", "Clock Hour")
          .accept("creditUnit:ContactHour", CreditUnit.HOURS)
          .build();

  /** The career stage ↔ {@code ceterms:audienceLevelType}; {@code ORGANIZATION} has none. */
  public static final Mapping<Level> AUDIENCE_LEVEL =
      Mapping.builder(Level.class, "ceterms:AudienceLevel")
          .map(Level.ENTRY, "audLevel:BeginnerLevel", "Beginner Level")
          .map(Level.PROFESSIONAL, "audLevel:IntermediateLevel", "Intermediate Level")
          .map(Level.MANAGER, "audLevel:AdvancedLevel", "Advanced Level")
          .map(Level.EXECUTIVE, "audLevel:AdvancedLevel", "Advanced Level")
          .build();

  /** A program's status ↔ {@code ceterms:credentialStatusType}. */
  public static final Mapping<ProgramStatus> CREDENTIAL_STATUS =
      Mapping.builder(ProgramStatus.class, "ceterms:CredentialStatus")
          .map(ProgramStatus.ACTIVE, "credentialStat:Active", "Active")
          .map(ProgramStatus.RETIRED, "credentialStat:Deprecated", "Deprecated")
          .map(ProgramStatus.PROVISIONAL, "credentialStat:Probationary", "Probationary")
          .build();

  /** What kind of body a provider is ↔ the organization's {@code ceterms:agentType}. */
  public static final Mapping<ProviderKind> ORGANIZATION_TYPE =
      Mapping.builder(ProviderKind.class, "ceterms:OrganizationType")
          .map(
              ProviderKind.PROFESSIONAL_ASSOCIATION,
              "orgType:ProfessionalAssociation",
              "Professional Association")
          .map(ProviderKind.STANDARDS_BODY, "orgType:CertificationBody", "Certification Body")
          .map(
              ProviderKind.TRAINING_VENDOR,
              "orgType:TrainingProvider",
              "Education and Training Provider")
          .map(
              ProviderKind.UNIVERSITY,
              "orgType:Postsecondary",
              "Postsecondary Educational Institution")
          .map(ProviderKind.TEST_VENDOR, "orgType:AssessmentBody", "Assessment Body")
          .accept("orgType:FourYear", ProviderKind.UNIVERSITY)
          .accept("orgType:TwoYear", ProviderKind.UNIVERSITY)
          .build();

  /**
   * A recognition signal's kind ↔ the property linking the credential to the recognizing
   * organization. Job-posting mentions name no recognizing organization: they have no property and
   * travel in words.
   */
  public static final Mapping<RecognitionKind> RECOGNITION_PROPERTY =
      Mapping.builder(RecognitionKind.class, null)
          .map(RecognitionKind.ACCREDITATION, ACCREDITED_BY, "Accredited By")
          .map(RecognitionKind.EMPLOYER_RECOGNITION, RECOGNIZED_BY, "Recognized By")
          .map(RecognitionKind.INDUSTRY_STANDARD, RECOGNIZED_BY, "Recognized By")
          .map(RecognitionKind.GOVERNMENT_APPROVAL, APPROVED_BY, "Approved By")
          .build();

  private static final Map<FeeType, String> FEE_LABELS = new EnumMap<>(FeeType.class);

  static {
    FEE_LABELS.put(FeeType.EXAM, "Exam fee");
    FEE_LABELS.put(FeeType.APPLICATION, "Application fee");
    FEE_LABELS.put(FeeType.COURSE, "Course");
    FEE_LABELS.put(FeeType.SELF_STUDY_BUNDLE, "Self-study bundle");
    FEE_LABELS.put(FeeType.BOOTCAMP, "Bootcamp");
    FEE_LABELS.put(FeeType.PRACTICE_EXAM, "Practice exam");
    FEE_LABELS.put(FeeType.HANDBOOK, "Handbook");
    FEE_LABELS.put(FeeType.RETAKE, "Retake fee");
    FEE_LABELS.put(FeeType.RENEWAL, "Renewal fee");
    FEE_LABELS.put(FeeType.MEMBERSHIP, "Membership");
    FEE_LABELS.put(FeeType.AUDIT, "Audit fee");
    FEE_LABELS.put(FeeType.TRAVEL_ESTIMATE, "Travel estimate");
  }

  private static final Map<CreditUnit, String> CREDIT_UNIT_LABELS =
      Map.of(
          CreditUnit.CEU, "Continuing Education Units (CEUs)",
          CreditUnit.CPD, "Continuing Professional Development (CPD) units",
          CreditUnit.PDU, "Professional Development Units (PDUs)",
          CreditUnit.HOURS, "Hours");

  private static final Pattern PRICE_RANGE =
      Pattern.compile(
          "Price range: ([0-9]+(?:\\.[0-9]+)?) to ([0-9]+(?:\\.[0-9]+)?) ([A-Z]{3})\\.");

  private CtdlTerms() {}

  /** The {@code @id} of the node with this CTID. */
  public static String resourceUrl(String ctid) {
    return RESOURCE_BASE + ctid.toLowerCase(Locale.ROOT);
  }

  /**
   * The CTID a reference names: a {@code /resources/} or {@code /graph/} URL of the Registry (any
   * case, http or https) or a bare CTID; empty for anything else (a blank node, another site).
   */
  public static Optional<String> ctidOf(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String text = reference.strip();
    String lower = text.toLowerCase(Locale.ROOT).replaceFirst("^http://", "https://");
    for (String base : new String[] {RESOURCE_BASE, GRAPH_BASE}) {
      if (lower.startsWith(base)) {
        return Ctid.canonical(text.substring(text.length() - (lower.length() - base.length())));
      }
    }
    return Ctid.canonical(text);
  }

  /** The concept-scheme URL a {@code ceterms:CredentialAlignmentObject} names as its framework. */
  public static String frameworkUrl(String scheme) {
    return FRAMEWORK_BASE + localName(scheme);
  }

  /** The cost profile name that says which fee type a price is. */
  public static String feeLabel(FeeType feeType) {
    return FEE_LABELS.get(feeType);
  }

  /**
   * The fee type of a cost profile: the fee type whose {@link #feeLabel label} its name is, when
   * that fee type maps to the profile's cost type (or the profile has none); otherwise the cost
   * type's first fee type.
   */
  public static Optional<FeeType> feeType(String costTypeConcept, String name) {
    Optional<FeeType> byConcept = COST_TYPE.value(costTypeConcept);
    if (name == null) {
      return byConcept;
    }
    for (Map.Entry<FeeType, String> e : FEE_LABELS.entrySet()) {
      boolean sameConcept =
          costTypeConcept == null
              || COST_TYPE.value(COST_TYPE.term(e.getKey()).orElseThrow().id()).equals(byConcept);
      if (sameConcept && e.getValue().equalsIgnoreCase(name.strip())) {
        return Optional.of(e.getKey());
      }
    }
    return byConcept;
  }

  /** The words that name a credit unit in {@code ceterms:creditUnitTypeDescription}. */
  public static String creditUnitLabel(CreditUnit unit) {
    return CREDIT_UNIT_LABELS.get(unit);
  }

  /** The credit unit a {@code ceterms:creditUnitTypeDescription} names, if it is one of ours. */
  public static Optional<CreditUnit> creditUnitOfLabel(String description) {
    if (description == null) {
      return Optional.empty();
    }
    String text = description.toUpperCase(Locale.ROOT);
    if (text.contains("PDU")) {
      return Optional.of(CreditUnit.PDU);
    }
    if (text.contains("CPD")) {
      return Optional.of(CreditUnit.CPD);
    }
    if (text.contains("CEU")) {
      return Optional.of(CreditUnit.CEU);
    }
    return Optional.empty();
  }

  /** The sentence that states a price range in a cost profile's description. */
  public static String priceRangeText(BigDecimal min, BigDecimal max, String currency) {
    return "Price range: "
        + min.toPlainString()
        + " to "
        + max.toPlainString()
        + " "
        + currency
        + ".";
  }

  /** The price range a cost profile's description states in the form of {@link #priceRangeText}. */
  public static Optional<PriceRange> priceRange(String description) {
    if (description == null) {
      return Optional.empty();
    }
    Matcher m = PRICE_RANGE.matcher(description);
    return m.find()
        ? Optional.of(
            new PriceRange(new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), m.group(3)))
        : Optional.empty();
  }

  /**
   * A description with the catalog's notes in words after {@link #NOTES_MARKER} (or, without a
   * description of its own, the notes alone after the marker's words {@code Catalog notes: }).
   */
  public static String withNotes(String description, String notes) {
    String own = description == null ? "" : description;
    if (notes == null || notes.isBlank()) {
      return own.isEmpty() ? null : own;
    }
    return own.isBlank() ? NOTES_MARKER.strip() + " " + notes : own + NOTES_MARKER + notes;
  }

  /** The publisher's own description: the text before the catalog's notes, or null if none. */
  public static String withoutNotes(String description) {
    if (description == null) {
      return null;
    }
    int at = notesStart(description);
    String own = at < 0 ? description : description.substring(0, at);
    return own.isBlank() ? null : own;
  }

  /** The notes in words after {@link #NOTES_MARKER}, if any. */
  public static Optional<String> notes(String description) {
    if (description == null) {
      return Optional.empty();
    }
    int at = notesStart(description);
    if (at < 0) {
      return Optional.empty();
    }
    String marker = at == 0 ? NOTES_MARKER.strip() : NOTES_MARKER;
    return Optional.of(description.substring(at + marker.length()).strip());
  }

  private static int notesStart(String description) {
    if (description.startsWith(NOTES_MARKER.strip())) {
      return 0;
    }
    return description.indexOf(NOTES_MARKER);
  }

  /** A renewal cycle as an ISO 8601 duration ({@code P3Y}). */
  public static String years(int years) {
    return "P" + years + "Y";
  }

  /** An exam time as an ISO 8601 duration ({@code PT90M}). */
  public static String minutes(int minutes) {
    return "PT" + minutes + "M";
  }

  /** A programme length as an ISO 8601 duration ({@code P12W}). */
  public static String weeks(int weeks) {
    return "P" + weeks + "W";
  }

  /** The part of a term or IRI after its last {@code :}, {@code /} or {@code #}. */
  static String localName(String term) {
    int at =
        Math.max(term.lastIndexOf(':'), Math.max(term.lastIndexOf('/'), term.lastIndexOf('#')));
    return term.substring(at + 1);
  }

  /** A price range read back from a description. */
  public record PriceRange(BigDecimal min, BigDecimal max, String currency) {}

  /** A CTDL term (class, property or concept) and its English label. */
  public record Term(String id, String label) {}

  /**
   * One of our enums ↔ CTDL terms. Forward, each value has at most one term; backward, a term maps
   * to the first value mapped to it, or to the value an {@code accept} entry names (terms other
   * publishers use that we never write). Terms compare by local name, case-insensitively, so {@code
   * costType:RenewalFee} and {@code https://purl.org/ctdl/vocabs/costType/RenewalFee} are the same.
   */
  public static final class Mapping<E extends Enum<E>> {

    private final String scheme;
    private final Map<E, Term> forward;
    private final Map<String, E> backward;

    private Mapping(String scheme, Map<E, Term> forward, Map<String, E> backward) {
      this.scheme = scheme;
      this.forward = forward;
      this.backward = backward;
    }

    static <E extends Enum<E>> Builder<E> builder(Class<E> type, String scheme) {
      return new Builder<>(type, scheme);
    }

    /** The concept scheme the terms belong to, or null for class and property mappings. */
    public String scheme() {
      return scheme;
    }

    /** The term a value is written as, or empty when CTDL has none for it. */
    public Optional<Term> term(E value) {
      return Optional.ofNullable(value == null ? null : forward.get(value));
    }

    /** The value a term reads as, or empty when the term is not one this mapping knows. */
    public Optional<E> value(String term) {
      if (term == null || term.isBlank()) {
        return Optional.empty();
      }
      return Optional.ofNullable(backward.get(key(term)));
    }

    /** Every value with a term, and its term. */
    public Map<E, Term> terms() {
      return Collections.unmodifiableMap(forward);
    }

    private static String key(String term) {
      return localName(term.strip()).toLowerCase(Locale.ROOT);
    }

    static final class Builder<E extends Enum<E>> {
      private final String scheme;
      private final Map<E, Term> forward;
      private final Map<String, E> backward = new HashMap<>();

      private Builder(Class<E> type, String scheme) {
        this.scheme = scheme;
        this.forward = new EnumMap<>(type);
      }

      Builder<E> map(E value, String term, String label) {
        forward.put(value, new Term(term, label));
        backward.putIfAbsent(key(term), value);
        return this;
      }

      Builder<E> accept(String term, E value) {
        backward.putIfAbsent(key(term), value);
        return this;
      }

      Mapping<E> build() {
        return new Mapping<>(scheme, forward, Map.copyOf(backward));
      }
    }
  }
}
