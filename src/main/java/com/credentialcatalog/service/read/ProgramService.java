package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProgramDetailReader;
import com.credentialcatalog.request.EligibilityProfile;
import com.credentialcatalog.service.compute.ComparisonCalculator;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.service.compute.EligibilityEvaluator;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.jsonld.CredentialJsonLd;
import com.credentialcatalog.view.Comparison;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.PriceHistory;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramEligibility;
import com.credentialcatalog.view.write.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads programs for both adapters (REST and GraphQL). */
@ApplicationScoped
public class ProgramService {

  public static final int MAX_COMPARE = 10;

  private final ProgramDetailReader details;
  private final RecognitionService recognition;
  private final Clock clock;

  public ProgramService(ProgramDetailReader details, RecognitionService recognition, Clock clock) {
    this.details = details;
    this.recognition = recognition;
    this.clock = clock;
  }

  /**
   * The program as a schema.org EducationalOccupationalCredential JSON-LD document.
   *
   * @param selfUrl the document's own URL, used as its @id
   * @throws NotFoundException when no program has this slug
   */
  @Transactional
  public Map<String, Object> jsonLd(String slug, String selfUrl) {
    ProgramDetail detail = detail(slug);
    return CredentialJsonLd.of(
        detail,
        recognition.report(slug, null, null, null, null).signals(),
        selfUrl,
        LocalDate.now(clock));
  }

  /**
   * The full detail of one program: provider, prices (history included), exams, renewal,
   * eligibility, aliases, outcomes and every source they cite.
   *
   * @throws NotFoundException when no program has this slug
   */
  public ProgramDetail detail(String slug) {
    return details.find(slug).orElseThrow(() -> new NotFoundException("program", slug));
  }

  /**
   * The full detail of one program as the JSON document the API serves, prebuilt by the read model,
   * with the program's version (its ETag): one indexed read, nothing assembled or serialized per
   * request.
   *
   * @throws NotFoundException when no program has this slug
   */
  public Versioned<String> detailJson(String slug) {
    return details.versionedJson(slug).orElseThrow(() -> new NotFoundException("program", slug));
  }

  /**
   * The program's prices in force on {@code asOf} (today when null) and its whole price history.
   *
   * @throws NotFoundException when no program has this slug
   */
  public PriceHistory prices(String slug, LocalDate asOf) {
    ProgramDetail detail = detail(slug);
    LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
    return new PriceHistory(
        slug,
        date,
        detail.prices().stream().filter(p -> CostOfOwnershipCalculator.inForce(p, date)).toList(),
        detail.prices());
  }

  /**
   * Cost of ownership of one program, computed by {@link
   * com.credentialcatalog.service.compute.CostOfOwnershipCalculator}.
   *
   * @throws NotFoundException when no program has this slug
   * @throws InvalidInputException on a horizon outside 1–50 or an ambiguous currency
   */
  public CostOfOwnership cost(
      String slug, int horizonYears, PriceAudience audience, String currency, LocalDate asOf) {
    Bounds.horizonYears(horizonYears);
    return CostOfOwnershipCalculator.compute(
        detail(slug), horizonYears, audience, currency, asOf != null ? asOf : LocalDate.now(clock));
  }

  /**
   * Compares 2–{@value #MAX_COMPARE} programs side by side.
   *
   * @throws NotFoundException naming the first unknown slug
   * @throws InvalidInputException on too few or too many programs, or a bad horizon
   */
  public Comparison compare(
      List<String> slugs, int horizonYears, PriceAudience audience, String currency) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(slugs));
    if (distinct.size() < 2 || distinct.size() > MAX_COMPARE) {
      throw InvalidInputException.of(
          "programs",
          InvalidInputException.Kind.OUT_OF_RANGE,
          "Compare between 2 and "
              + MAX_COMPARE
              + " distinct programs (got "
              + distinct.size()
              + ")");
    }
    Bounds.horizonYears(horizonYears);
    return ComparisonCalculator.compare(
        detailsOf(distinct), horizonYears, audience, currency, LocalDate.now(clock));
  }

  /** Evaluates a profile against the given programs (already filtered by the caller). */
  public List<ProgramEligibility> eligibility(
      List<ProgramDetail> candidates, EligibilityProfile profile) {
    return candidates.stream().map(p -> EligibilityEvaluator.evaluate(p, profile)).toList();
  }

  /** Details of the given programs in the given order; a missing slug is a NotFoundException. */
  public List<ProgramDetail> detailsOf(List<String> slugs) {
    Map<String, ProgramDetail> bySlug = details.findBySlugs(slugs);
    for (String slug : slugs) {
      if (!bySlug.containsKey(slug)) {
        throw new NotFoundException("program", slug);
      }
    }
    return slugs.stream().map(bySlug::get).toList();
  }
}
