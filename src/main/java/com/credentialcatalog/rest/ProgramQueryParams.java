package com.credentialcatalog.rest;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSort;
import com.credentialcatalog.query.SortOrder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The program filter as REST query parameters. Repeatable parameters also take comma-separated
 * values ({@code level=MANAGER,EXECUTIVE}); values within one parameter are alternatives.
 */
public class ProgramQueryParams {

  @RestQuery
  @Parameter(
      description = "Provider slug(s)",
      example = "hdi",
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  List<String> provider;

  @RestQuery
  @Parameter(
      description =
          "Credential type(s): CERTIFICATION, CERTIFICATE, MICRO_CREDENTIAL, ORGANIZATIONAL_CERTIFICATION",
      example = "CERTIFICATION",
      schema = @Schema(type = SchemaType.ARRAY, implementation = CredentialType.class))
  List<String> type;

  @RestQuery
  @Parameter(
      description = "Level(s): ENTRY, PROFESSIONAL, MANAGER, EXECUTIVE, ORGANIZATION",
      example = "MANAGER",
      schema = @Schema(type = SchemaType.ARRAY, implementation = Level.class))
  List<String> level;

  @RestQuery
  @Parameter(
      description = "Audience role(s), e.g. FRONTLINE_AGENT, SUPERVISOR, CX_LEADER",
      example = "SUPERVISOR",
      schema = @Schema(type = SchemaType.ARRAY, implementation = AudienceRole.class))
  List<String> audience;

  @RestQuery
  @Parameter(
      description = "Competency(ies), e.g. CX_STRATEGY, SERVICE_DESK, COACHING_LEADERSHIP",
      example = "CX_STRATEGY",
      schema = @Schema(type = SchemaType.ARRAY, implementation = Competency.class))
  List<String> competency;

  @RestQuery
  @Parameter(
      description = "Delivery mode(s): SELF_PACED_ONLINE, LIVE_ONLINE, IN_PERSON, BLENDED",
      example = "IN_PERSON",
      schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryMode.class))
  List<String> delivery;

  @RestQuery
  @Parameter(
      description = "Exam proctoring: REMOTE, TEST_CENTER",
      example = "REMOTE",
      schema = @Schema(type = SchemaType.ARRAY, implementation = Proctoring.class))
  List<String> proctoring;

  @RestQuery
  @Parameter(
      description = "Language(s) (BCP 47)",
      example = "en",
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  List<String> language;

  @RestQuery
  @Parameter(
      description = "Status(es): ACTIVE, RETIRED, PROVISIONAL",
      example = "ACTIVE",
      schema = @Schema(type = SchemaType.ARRAY, implementation = ProgramStatus.class))
  List<String> status;

  @RestQuery
  @Parameter(
      description =
          "Full-text search over name, acronym, aliases (weighted higher) and description; web-search syntax (quotes, OR, -)",
      example = "customer experience")
  String q;

  @RestQuery
  @Parameter(
      description = "The required initial cost range must reach this amount",
      example = "200",
      schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
  String priceMin;

  @RestQuery
  @Parameter(
      description = "The required initial cost range must start at or below this amount",
      example = "500",
      schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
  String priceMax;

  @RestQuery
  @Parameter(
      description = "ISO 4217 currency for price bounds and cost figures (default USD)",
      example = "USD",
      schema = @Schema(type = SchemaType.STRING, pattern = Bounds.CURRENCY_PATTERN))
  String currency;

  @RestQuery
  @Parameter(
      description =
          "Price audience for price bounds and cost figures: MEMBER or NON_MEMBER (default: every audience, ranges span them)",
      example = "NON_MEMBER",
      schema = @Schema(implementation = PriceAudience.class))
  String priceAudience;

  @RestQuery
  @Parameter(
      description = "The shortest exam must take at most this many minutes",
      example = "100",
      schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
  String examMinutesMax;

  @RestQuery
  @Parameter(
      description = "The easiest eligibility route asks at most this many months of experience",
      example = "12",
      schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
  String experienceMonthsMax;

  @RestQuery
  @Parameter(
      description = "The renewal cycle can be at least this many years",
      example = "3",
      schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
  String renewalCycleYearsMin;

  @RestQuery
  @Parameter(
      description = "Renewal asks at most this many credits (lower bound of the requirement)",
      example = "12",
      schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
  String creditsMax;

  @RestQuery
  @Parameter(
      description = "Region (ISO 3166 alpha-2 or GLOBAL) with recognition signals",
      example = "US",
      schema = @Schema(type = SchemaType.STRING, pattern = Bounds.REGION_PATTERN))
  String recognizedIn;

  @RestQuery
  @Parameter(
      description =
          "At least this many recognition signals (job postings, employers, accreditation; any region)",
      example = "1",
      schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
  String recognitionSignalsMin;

  @RestQuery
  @Parameter(
      description =
          "Sort: name, initialCost, costOfOwnership, examMinutes, updatedAt, relevance (needs q), recognition; prefix with - for descending",
      example = "-updatedAt")
  String sort;

  @RestQuery
  @Parameter(
      description = "Years of ownership for costOfOwnership figures and sort (1–50, default 3)",
      example = "6",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "50",
              defaultValue = "3"))
  String horizonYears;

  @RestQuery
  @Parameter(
      description = "Page size 1–100 (default 20)",
      example = "20",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "100",
              defaultValue = "20"))
  String limit;

  @RestQuery
  @Parameter(description = "Opaque cursor from the previous page's nextCursor")
  String cursor;

  @RestQuery
  @Parameter(
      description =
          "Facets to count over the filtered set: provider, type, level, audience, competency, delivery, proctoring, language, status",
      example = "level,provider",
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  List<String> facets;

  /** The filter these parameters describe, checked by the core's rules. */
  public ProgramFilter filter() {
    return QueryValues.REST.bind(
        () ->
            new ProgramFilter(
                    QueryValues.split(provider),
                    QueryValues.enums("types", type, CredentialType.class),
                    QueryValues.enums("levels", level, Level.class),
                    QueryValues.enums("audiences", audience, AudienceRole.class),
                    QueryValues.enums("competencies", competency, Competency.class),
                    QueryValues.enums("deliveryModes", delivery, DeliveryMode.class),
                    QueryValues.enums("proctoring", proctoring, Proctoring.class),
                    QueryValues.split(language),
                    QueryValues.enums("statuses", status, ProgramStatus.class),
                    q,
                    QueryValues.decimal("priceMin", priceMin),
                    QueryValues.decimal("priceMax", priceMax),
                    currency,
                    QueryValues.one("priceAudience", priceAudience, PriceAudience.class),
                    QueryValues.integer("examMinutesMax", examMinutesMax),
                    QueryValues.integer("experienceMonthsMax", experienceMonthsMax),
                    QueryValues.integer("renewalCycleYearsMin", renewalCycleYearsMin),
                    QueryValues.integer("creditsMax", creditsMax),
                    recognizedIn,
                    QueryValues.integer("recognitionSignalsMin", recognitionSignalsMin))
                .checked());
  }

  /** The sort these parameters describe (default: name, or relevance when q is given). */
  public SortOrder order() {
    int horizon = Bounds.horizonYears(QueryValues.integer("horizonYears", horizonYears));
    if (sort == null || sort.isBlank()) {
      ProgramSort s = q != null && !q.isBlank() ? ProgramSort.RELEVANCE : ProgramSort.NAME;
      return new SortOrder(s, s.descendingByDefault(), horizon);
    }
    return ProgramSort.parse(sort, horizon);
  }

  public int limit() {
    return Bounds.pageSize(QueryValues.integer("limit", limit));
  }

  public String cursor() {
    return cursor;
  }

  public Set<Facet> facets() {
    Set<Facet> result = EnumSet.noneOf(Facet.class);
    for (String f : QueryValues.split(facets)) {
      Facet facet = Facet.fromParameter(f);
      if (facet == null) {
        throw InvalidInputException.of(
            "facets",
            InvalidInputException.Kind.UNKNOWN_VALUE,
            "Unknown facet '%s'; use one of %s",
            f,
            Arrays.stream(Facet.values()).map(Facet::parameter).toList());
      }
      result.add(facet);
    }
    return result;
  }
}
