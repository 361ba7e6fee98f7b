package com.credentialcatalog.importer;

import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The import document: the seed file and, later, bulk imports. References between records are
 * slugs, so the document reads like the catalog it describes. Providers, prices, exams and renewal
 * policies are the write API's input records, so a field added there can be imported at once.
 */
@JsonIgnoreProperties(value = {"_about"})
public record CatalogDocument(
    List<SourceEntry> sources,
    List<ProviderInput> providers,
    List<ProgramEntry> programs,
    List<OutcomeEntry> marketOutcomes) {

  public CatalogDocument {
    sources = sources == null ? List.of() : sources;
    providers = providers == null ? List.of() : providers;
    programs = programs == null ? List.of() : programs;
    marketOutcomes = marketOutcomes == null ? List.of() : marketOutcomes;
  }

  public record SourceEntry(
      String slug,
      String title,
      String url,
      String publisher,
      Integer asOfYear,
      LocalDate publishedDate,
      LocalDate retrievedDate,
      String note) {}

  public record ProgramEntry(
      String slug,
      String name,
      String acronym,
      String provider,
      String credentialType,
      String level,
      List<String> audienceRoles,
      List<String> competencies,
      List<String> deliveryModes,
      List<String> languages,
      Integer studyHoursMin,
      Integer studyHoursMax,
      Integer durationWeeksMin,
      Integer durationWeeksMax,
      Integer launchYear,
      String status,
      String supersededBy,
      String website,
      String description,
      LocalDate lastVerifiedAt,
      String source,
      List<String> aliases,
      List<PriceInput> prices,
      List<ExamFormatInput> exams,
      RenewalPolicyInput renewal,
      List<RouteEntry> eligibility,
      List<OutcomeEntry> outcomes) {

    public ProgramEntry {
      audienceRoles = orEmpty(audienceRoles);
      competencies = orEmpty(competencies);
      deliveryModes = orEmpty(deliveryModes);
      languages = orEmpty(languages);
      aliases = orEmpty(aliases);
      prices = orEmpty(prices);
      exams = orEmpty(exams);
      eligibility = orEmpty(eligibility);
      outcomes = orEmpty(outcomes);
    }
  }

  public record RouteEntry(
      String name, String description, String source, List<ConditionEntry> conditions) {
    public RouteEntry {
      conditions = orEmpty(conditions);
    }
  }

  public record ConditionEntry(
      String kind, Integer valueMin, Integer valueMax, String credential, String description) {}

  public record OutcomeEntry(
      String metric,
      BigDecimal valueMin,
      BigDecimal valueMax,
      String unit,
      Integer periodMonthsMin,
      Integer periodMonthsMax,
      String statement,
      String source) {}

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
