package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.query.InvalidQueryException;
import com.credentialcatalog.query.ProgramFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/**
 * The program filter as a GraphQL input: field for field the query parameters of
 * {@code GET /api/v1/programs} (a parity test keeps the two in agreement), checked with the same
 * rules before it becomes a {@link ProgramFilter}.
 */
@Input("ProgramFilterInput")
@Description("Which programs to select. Values within one list are alternatives (OR); different fields must all"
    + " hold (AND). Numeric bounds compare against ranges by overlap; an unknown fact never satisfies a bound."
    + " Each field means what the GET /api/v1/programs parameter of the same name (singular) means.")
public record ProgramFilterInput(
    @Description("Provider slugs") List<String> providers,
    @Description("Credential types") List<CredentialType> types,
    @Description("Levels") List<Level> levels,
    @Description("Audience roles") List<AudienceRole> audiences,
    @Description("Competencies") List<Competency> competencies,
    @Description("Delivery modes") List<DeliveryMode> deliveryModes,
    @Description("Exam proctoring") List<Proctoring> proctoring,
    @Description("Languages (BCP 47)") List<String> languages,
    @Description("Statuses") List<ProgramStatus> statuses,
    @Description("Full-text search over name, acronym, aliases (weighted higher) and description; web-search syntax"
        + " (quotes, OR, -); at most 200 characters") String q,
    @Description("The required initial cost range must reach this amount") BigDecimal priceMin,
    @Description("The required initial cost range must start at or below this amount") BigDecimal priceMax,
    @Description("ISO 4217 currency for price bounds, cost figures and cost sorts (default USD)") String currency,
    @Description("MEMBER or NON_MEMBER prices for price bounds and cost figures (default: every audience)")
        PriceAudience priceAudience,
    @Description("The shortest exam must take at most this many minutes") Integer examMinutesMax,
    @Description("The easiest eligibility route asks at most this many months of experience") Integer experienceMonthsMax,
    @Description("The renewal cycle can be at least this many years") Integer renewalCycleYearsMin,
    @Description("Renewal asks at most this many credits (lower bound of the requirement)") Integer creditsMax,
    @Description("Region (ISO 3166 alpha-2 or GLOBAL) with recognition signals") String recognizedIn) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}|GLOBAL");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e12");
  private static final int MAX_VALUES = 50;
  private static final int MAX_VALUE_LENGTH = 100;

  /** The filter of a missing input: everything. */
  static ProgramFilter toFilter(ProgramFilterInput input) {
    return input == null ? ProgramFilter.none() : input.toFilter();
  }

  /**
   * The core filter, after the checks {@code GET /api/v1/programs} makes.
   *
   * @throws InvalidQueryException naming the offending field as {@code filter.<field>}
   */
  ProgramFilter toFilter() {
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw invalid("currency", "currency must be an ISO 4217 code such as USD");
    }
    if (recognizedIn != null && !REGION.matcher(recognizedIn).matches()) {
      throw invalid("recognizedIn", "recognizedIn must be an ISO 3166 alpha-2 code such as US, or GLOBAL");
    }
    amount("priceMin", priceMin);
    amount("priceMax", priceMax);
    if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
      throw invalid("priceMin", "priceMin must not exceed priceMax");
    }
    nonNegative("examMinutesMax", examMinutesMax);
    nonNegative("experienceMonthsMax", experienceMonthsMax);
    nonNegative("renewalCycleYearsMin", renewalCycleYearsMin);
    nonNegative("creditsMax", creditsMax);
    if (q != null && q.length() > 200) {
      throw invalid("q", "q must be at most 200 characters");
    }
    return new ProgramFilter(
        strings("providers", providers),
        values("types", types),
        values("levels", levels),
        values("audiences", audiences),
        values("competencies", competencies),
        values("deliveryModes", deliveryModes),
        values("proctoring", proctoring),
        strings("languages", languages),
        values("statuses", statuses),
        q, priceMin, priceMax, currency, priceAudience, examMinutesMax, experienceMonthsMax,
        renewalCycleYearsMin, creditsMax, recognizedIn);
  }

  private static List<String> strings(String field, List<String> values) {
    List<String> checked = values(field, values);
    if (checked == null) {
      return null;
    }
    for (String v : checked) {
      if (v.length() > MAX_VALUE_LENGTH) {
        throw invalid(field, field + " values must be at most " + MAX_VALUE_LENGTH + " characters");
      }
    }
    return checked.stream().filter(v -> v != null).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private static <T> List<T> values(String field, List<T> values) {
    if (values != null && values.size() > MAX_VALUES) {
      throw invalid(field, "at most " + MAX_VALUES + " values for " + field);
    }
    if (values != null && values.stream().anyMatch(v -> v == null)) {
      // [null] would match nothing or everything depending on the field: say so rather than guess.
      throw invalid(field, field + " must not contain null");
    }
    return values;
  }

  private static void amount(String field, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw invalid(field, field + " must not be negative");
    }
    if (value != null && value.abs().compareTo(MAX_AMOUNT) > 0) {
      throw invalid(field, field + " is out of range");
    }
  }

  private static void nonNegative(String field, Integer value) {
    if (value != null && value < 0) {
      throw invalid(field, field + " must not be negative");
    }
  }

  private static InvalidQueryException invalid(String field, String message) {
    return new InvalidQueryException("filter." + field, message);
  }
}
