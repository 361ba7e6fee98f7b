package com.credentialcatalog.view;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the catalog makes of each scraped name. */
@Schema(
    requiredProperties = {"similarityThreshold"},
    description = "Per input name, its normalized form and the programs it may mean, best first.")
public record LookupResult(
    @Schema(description = "One entry per input, in input order") @NonNull
        List<@NonNull Match> results,
    @Schema(description = "Trigram similarity a fuzzy candidate must exceed", examples = "0.45")
        double similarityThreshold) {

  @Schema(
      description =
          "The candidates for one input. ambiguous is true when several programs fit equally well (homonyms such as CCSP).")
  public record Match(
      @Schema(examples = "CCSP®") @NonNull String input,
      @Schema(
              description =
                  "Lower-case, ®/™ and punctuation removed, 'certification'-like suffix dropped",
              examples = "ccsp")
          @NonNull
          String normalized,
      @Schema(examples = "true") boolean ambiguous,
      @NonNull List<@NonNull Candidate> candidates) {}

  @Schema(description = "A program the name may refer to.")
  public record Candidate(
      @Schema(examples = "certified-customer-service-professional") @NonNull String program,
      @Schema(examples = "Certified Customer Service Professional") @NonNull String name,
      @Schema(examples = "CCSP") String acronym,
      ProviderSummary provider,
      CredentialType credentialType,
      @NonNull List<@NonNull Competency> competencies,
      @NonNull List<@NonNull AudienceRole> audienceRoles,
      @Schema(
              description = "0–1: 1 for an exact alias match, the trigram similarity otherwise",
              examples = "1.0")
          double confidence,
      @Schema(description = "The alias that matched", examples = "CCSP") String matchedAlias,
      @Schema(examples = "EXACT") @NonNull MatchType matchType,
      @Schema(
              description = "What tells this candidate apart from the others",
              examples =
                  "customer-service credential; no single issuer named; for frontline agents and supervisors")
          String distinguishedBy) {}

  public enum MatchType {
    EXACT,
    FUZZY
  }
}
