package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProgramFilter;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/**
 * The program filter as a GraphQL input: field for field the query parameters of {@code GET
 * /api/v1/programs} (a parity test keeps the two in agreement), checked by the same {@link
 * ProgramFilter#checked} as they are.
 */
@Input("ProgramFilterInput")
@Description(
    "Which programs to select. Values within one list are alternatives (OR); different fields must all"
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
    @Description(
            "Full-text search over name, acronym, aliases (weighted higher) and description; web-search syntax"
                + " (quotes, OR, -); at most 200 characters")
        String q,
    @Description("The required initial cost range must reach this amount") BigDecimal priceMin,
    @Description("The required initial cost range must start at or below this amount")
        BigDecimal priceMax,
    @Description("ISO 4217 currency for price bounds, cost figures and cost sorts (default USD)")
        String currency,
    @Description(
            "MEMBER or NON_MEMBER prices for price bounds and cost figures (default: every audience)")
        PriceAudience priceAudience,
    @Description("The shortest exam must take at most this many minutes") Integer examMinutesMax,
    @Description("The easiest eligibility route asks at most this many months of experience")
        Integer experienceMonthsMax,
    @Description("The renewal cycle can be at least this many years") Integer renewalCycleYearsMin,
    @Description("Renewal asks at most this many credits (lower bound of the requirement)")
        Integer creditsMax,
    @Description("Region (ISO 3166 alpha-2 or GLOBAL) with recognition signals")
        String recognizedIn,
    @Description(
            "At least this many recognition signals (job postings, employers, accreditation; any region)")
        Integer recognitionSignalsMin) {

  /** The filter of a missing input: everything. */
  static ProgramFilter toFilter(ProgramFilterInput input) {
    return input == null ? ProgramFilter.none() : input.toFilter();
  }

  /**
   * The core filter, after the checks {@code GET /api/v1/programs} makes: the core's own.
   *
   * @throws InvalidInputException naming the offending field by its core name
   */
  ProgramFilter toFilter() {
    return new ProgramFilter(
            providers,
            types,
            levels,
            audiences,
            competencies,
            deliveryModes,
            proctoring,
            languages,
            statuses,
            q,
            priceMin,
            priceMax,
            currency,
            priceAudience,
            examMinutesMax,
            experienceMonthsMax,
            renewalCycleYearsMin,
            creditsMax,
            recognizedIn,
            recognitionSignalsMin)
        .checked();
  }
}
