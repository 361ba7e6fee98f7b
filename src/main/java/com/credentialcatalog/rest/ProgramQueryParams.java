package com.credentialcatalog.rest;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidQueryException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSort;
import com.credentialcatalog.query.SortOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The program filter as REST query parameters. Repeatable parameters also take comma-separated
 * values ({@code level=MANAGER,EXECUTIVE}); values within one parameter are alternatives.
 */
public class ProgramQueryParams {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}|GLOBAL");

  @RestQuery @Parameter(description = "Provider slug(s)", example = "hdi", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) List<String> provider;
  @RestQuery @Parameter(description = "Credential type(s): CERTIFICATION, CERTIFICATE, MICRO_CREDENTIAL, ORGANIZATIONAL_CERTIFICATION", example = "CERTIFICATION", schema = @Schema(type = SchemaType.ARRAY, implementation = CredentialType.class)) List<String> type;
  @RestQuery @Parameter(description = "Level(s): ENTRY, PROFESSIONAL, MANAGER, EXECUTIVE, ORGANIZATION", example = "MANAGER", schema = @Schema(type = SchemaType.ARRAY, implementation = Level.class)) List<String> level;
  @RestQuery @Parameter(description = "Audience role(s), e.g. FRONTLINE_AGENT, SUPERVISOR, CX_LEADER", example = "SUPERVISOR", schema = @Schema(type = SchemaType.ARRAY, implementation = AudienceRole.class)) List<String> audience;
  @RestQuery @Parameter(description = "Competency(ies), e.g. CX_STRATEGY, SERVICE_DESK, COACHING_LEADERSHIP", example = "CX_STRATEGY", schema = @Schema(type = SchemaType.ARRAY, implementation = Competency.class)) List<String> competency;
  @RestQuery @Parameter(description = "Delivery mode(s): SELF_PACED_ONLINE, LIVE_ONLINE, IN_PERSON, BLENDED", example = "IN_PERSON", schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryMode.class)) List<String> delivery;
  @RestQuery @Parameter(description = "Exam proctoring: REMOTE, TEST_CENTER", example = "REMOTE", schema = @Schema(type = SchemaType.ARRAY, implementation = Proctoring.class)) List<String> proctoring;
  @RestQuery @Parameter(description = "Language(s) (BCP 47)", example = "en", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) List<String> language;
  @RestQuery @Parameter(description = "Status(es): ACTIVE, RETIRED, PROVISIONAL", example = "ACTIVE", schema = @Schema(type = SchemaType.ARRAY, implementation = ProgramStatus.class)) List<String> status;
  @RestQuery @Parameter(description = "Full-text search over name, acronym, aliases (weighted higher) and description; web-search syntax (quotes, OR, -)", example = "customer experience") String q;
  @RestQuery @Parameter(description = "The required initial cost range must reach this amount", example = "200", schema = @Schema(type = SchemaType.NUMBER, minimum = "0")) String priceMin;
  @RestQuery @Parameter(description = "The required initial cost range must start at or below this amount", example = "500", schema = @Schema(type = SchemaType.NUMBER, minimum = "0")) String priceMax;
  @RestQuery @Parameter(description = "ISO 4217 currency for price bounds and cost figures (default USD)", example = "USD", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{3}$")) String currency;
  @RestQuery @Parameter(description = "Price audience for price bounds and cost figures: MEMBER or NON_MEMBER (default: every audience, ranges span them)", example = "NON_MEMBER", schema = @Schema(implementation = PriceAudience.class)) String priceAudience;
  @RestQuery @Parameter(description = "The shortest exam must take at most this many minutes", example = "100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0")) String examMinutesMax;
  @RestQuery @Parameter(description = "The easiest eligibility route asks at most this many months of experience", example = "12", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0")) String experienceMonthsMax;
  @RestQuery @Parameter(description = "The renewal cycle can be at least this many years", example = "3", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0")) String renewalCycleYearsMin;
  @RestQuery @Parameter(description = "Renewal asks at most this many credits (lower bound of the requirement)", example = "12", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0")) String creditsMax;
  @RestQuery @Parameter(description = "Region (ISO 3166 alpha-2 or GLOBAL) with recognition signals", example = "US", schema = @Schema(type = SchemaType.STRING, pattern = "^([A-Z]{2}|GLOBAL)$")) String recognizedIn;
  @RestQuery @Parameter(description = "Sort: name, initialCost, costOfOwnership, examMinutes, updatedAt, relevance (needs q), recognition; prefix with - for descending", example = "-updatedAt") String sort;
  @RestQuery @Parameter(description = "Years of ownership for costOfOwnership figures and sort (1–50, default 3)", example = "6", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "50", defaultValue = "3")) String horizonYears;
  @RestQuery @Parameter(description = "Page size 1–100 (default 20)", example = "20", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) String limit;
  @RestQuery @Parameter(description = "Opaque cursor from the previous page's nextCursor") String cursor;
  @RestQuery @Parameter(description = "Facets to count over the filtered set: provider, type, level, audience, competency, delivery, proctoring, language, status", example = "level,provider", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) List<String> facets;

  /** The filter these parameters describe. */
  public ProgramFilter filter() {
    BigDecimal priceMin = QueryValues.decimal("priceMin", this.priceMin);
    BigDecimal priceMax = QueryValues.decimal("priceMax", this.priceMax);
    Integer examMinutesMax = QueryValues.integer("examMinutesMax", this.examMinutesMax);
    Integer experienceMonthsMax = QueryValues.integer("experienceMonthsMax", this.experienceMonthsMax);
    Integer renewalCycleYearsMin = QueryValues.integer("renewalCycleYearsMin", this.renewalCycleYearsMin);
    Integer creditsMax = QueryValues.integer("creditsMax", this.creditsMax);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new InvalidQueryException("currency", "currency must be an ISO 4217 code such as USD");
    }
    if (recognizedIn != null && !REGION.matcher(recognizedIn).matches()) {
      throw new InvalidQueryException("recognizedIn", "recognizedIn must be an ISO 3166 alpha-2 code such as US, or GLOBAL");
    }
    nonNegative("priceMin", priceMin);
    nonNegative("priceMax", priceMax);
    if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
      throw new InvalidQueryException("priceMin", "priceMin must not exceed priceMax");
    }
    nonNegative("examMinutesMax", examMinutesMax);
    nonNegative("experienceMonthsMax", experienceMonthsMax);
    nonNegative("renewalCycleYearsMin", renewalCycleYearsMin);
    nonNegative("creditsMax", creditsMax);
    if (q != null && q.length() > 200) {
      throw new InvalidQueryException("q", "q must be at most 200 characters");
    }
    PriceAudience pa = one("priceAudience", priceAudience, PriceAudience.class);
    return new ProgramFilter(
        strings("provider", provider),
        enums("type", type, CredentialType.class),
        enums("level", level, Level.class),
        enums("audience", audience, AudienceRole.class),
        enums("competency", competency, Competency.class),
        enums("delivery", delivery, DeliveryMode.class),
        enums("proctoring", proctoring, Proctoring.class),
        strings("language", language),
        enums("status", status, ProgramStatus.class),
        q, priceMin, priceMax, currency, pa, examMinutesMax, experienceMonthsMax,
        renewalCycleYearsMin, creditsMax, recognizedIn);
  }

  /** The sort these parameters describe (default: name, or relevance when q is given). */
  public SortOrder order() {
    Integer h = QueryValues.integer("horizonYears", horizonYears);
    int horizon = h == null ? SortOrder.DEFAULT_HORIZON_YEARS : h;
    if (sort == null || sort.isBlank()) {
      ProgramSort s = q != null && !q.isBlank() ? ProgramSort.RELEVANCE : ProgramSort.NAME;
      return new SortOrder(s, s.descendingByDefault(), horizon);
    }
    boolean descending = sort.startsWith("-");
    String name = sort.replaceFirst("^[-+]", "");
    ProgramSort s = ProgramSort.fromParameter(name);
    if (s == null) {
      throw new InvalidQueryException("sort", "Unknown sort '" + name + "'; use one of "
          + Arrays.stream(ProgramSort.values()).map(ProgramSort::parameter).toList());
    }
    return new SortOrder(s, descending, horizon);
  }

  public int limit() {
    Integer l = QueryValues.integer("limit", limit);
    return l == null ? 20 : l;
  }

  public String cursor() {
    return cursor;
  }

  public Set<Facet> facets() {
    Set<Facet> result = EnumSet.noneOf(Facet.class);
    for (String f : split(facets)) {
      Facet facet = Facet.fromParameter(f);
      if (facet == null) {
        throw new InvalidQueryException("facets", "Unknown facet '" + f + "'; use one of "
            + Arrays.stream(Facet.values()).map(Facet::parameter).toList());
      }
      result.add(facet);
    }
    return result;
  }

  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  private static List<String> strings(String param, List<String> values) {
    List<String> out = split(values);
    for (String v : out) {
      if (v.length() > 100) {
        throw new InvalidQueryException(param, param + " values must be at most 100 characters");
      }
    }
    if (out.size() > 50) {
      throw new InvalidQueryException(param, "at most 50 values for " + param);
    }
    return out;
  }

  static <E extends Enum<E>> List<E> enums(String param, List<String> values, Class<E> type) {
    return strings(param, values).stream().map(v -> parse(param, v, type)).toList();
  }

  static <E extends Enum<E>> E one(String param, String value, Class<E> type) {
    return value == null || value.isBlank() ? null : parse(param, value.trim(), type);
  }

  private static <E extends Enum<E>> E parse(String param, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(param, "'" + value + "' is not one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static void nonNegative(String param, Number value) {
    if (value != null && value.doubleValue() < 0) {
      throw new InvalidQueryException(param, param + " must not be negative");
    }
  }
}
