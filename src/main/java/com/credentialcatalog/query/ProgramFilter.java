package com.credentialcatalog.query;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * What to select among programs; shared by REST query parameters and the GraphQL filter input so
 * that a filter means the same on both surfaces. Values within one list are alternatives (OR);
 * different fields must all hold (AND). Numeric bounds compare against ranges by overlap, and an
 * unknown fact never satisfies a bound.
 *
 * @param q full-text search over name, acronym, aliases (weighted higher) and description
 * @param priceMin lower bound of the required initial cost (the cost range must reach it)
 * @param priceMax upper bound of the required initial cost (the cost range must start below it)
 * @param currency currency of the price bounds and cost sorts; USD when not given
 * @param priceAudience MEMBER or NON_MEMBER prices; null spans every audience
 * @param examMinutesMax the shortest exam must be possible within this many minutes
 * @param experienceMonthsMax the easiest eligibility route asks at most this many months
 * @param renewalCycleYearsMin the renewal cycle can be at least this many years
 * @param creditsMax renewal asks at most this many credits (its lower bound)
 * @param recognizedIn region (ISO 3166 alpha-2 or GLOBAL) with recognition signals
 * @param recognitionSignalsMin at least this many recognition signals (job postings, employers,
 *     accreditation, any region)
 */
public record ProgramFilter(
    List<String> providers,
    List<CredentialType> types,
    List<Level> levels,
    List<AudienceRole> audiences,
    List<Competency> competencies,
    List<DeliveryMode> deliveryModes,
    List<Proctoring> proctoring,
    List<String> languages,
    List<ProgramStatus> statuses,
    String q,
    BigDecimal priceMin,
    BigDecimal priceMax,
    String currency,
    PriceAudience priceAudience,
    Integer examMinutesMax,
    Integer experienceMonthsMax,
    Integer renewalCycleYearsMin,
    Integer creditsMax,
    String recognizedIn,
    Integer recognitionSignalsMin) {

  public static final String DEFAULT_CURRENCY = "USD";

  public ProgramFilter {
    providers = texts(providers);
    types = clean(types);
    levels = clean(levels);
    audiences = clean(audiences);
    competencies = clean(competencies);
    deliveryModes = clean(deliveryModes);
    proctoring = clean(proctoring);
    languages = texts(languages);
    statuses = clean(statuses);
    q = q == null || q.isBlank() ? null : q.trim();
    currency = currency == null || currency.isBlank() ? DEFAULT_CURRENCY : currency.trim();
    recognizedIn = recognizedIn == null || recognizedIn.isBlank() ? null : recognizedIn.trim();
  }

  /**
   * This filter, when it keeps within {@link Bounds}: the one validation both surfaces use. Fields
   * are named by the components of this record.
   *
   * @throws InvalidInputException naming the first field that breaks a bound
   */
  public ProgramFilter checked() {
    Bounds.currency("currency", currency);
    Bounds.region("recognizedIn", recognizedIn);
    Bounds.amount("priceMin", priceMin);
    Bounds.amount("priceMax", priceMax);
    if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
      throw InvalidInputException.of(
          "priceMin",
          InvalidInputException.Kind.INCONSISTENT,
          "{priceMin} must not exceed {priceMax}");
    }
    Bounds.count("examMinutesMax", examMinutesMax);
    Bounds.count("experienceMonthsMax", experienceMonthsMax);
    Bounds.count("renewalCycleYearsMin", renewalCycleYearsMin);
    Bounds.count("creditsMax", creditsMax);
    Bounds.count("recognitionSignalsMin", recognitionSignalsMin);
    Bounds.text("q", q);
    Bounds.strings("providers", providers);
    Bounds.values("types", types);
    Bounds.values("levels", levels);
    Bounds.values("audiences", audiences);
    Bounds.values("competencies", competencies);
    Bounds.values("deliveryModes", deliveryModes);
    Bounds.values("proctoring", proctoring);
    Bounds.strings("languages", languages);
    Bounds.values("statuses", statuses);
    return this;
  }

  /** This filter within the given providers only (a provider's own program list). */
  public ProgramFilter withProviders(List<String> only) {
    return new ProgramFilter(
        only,
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
        recognitionSignalsMin);
  }

  /** Selects everything. */
  public static ProgramFilter none() {
    return new ProgramFilter(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /**
   * Alternatives without repeats. A null value stays for {@link #checked} to refuse: {@code [null]}
   * would match nothing or everything depending on the field.
   */
  private static <T> List<T> clean(List<T> values) {
    return values == null ? List.of() : values.stream().distinct().toList();
  }

  private static List<String> texts(List<String> values) {
    return clean(
        values == null
            ? null
            : values.stream()
                .map(v -> v == null ? null : v.trim())
                .filter(v -> v == null || !v.isEmpty())
                .toList());
  }
}
