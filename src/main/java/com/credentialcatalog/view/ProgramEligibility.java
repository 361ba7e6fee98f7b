package com.credentialcatalog.view;

import com.credentialcatalog.domain.ConditionKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a candidate can sit a program now, and if not, exactly what is missing. */
@Schema(
    requiredProperties = {"program", "name"},
    description = "Eligibility of one program for a profile.")
public record ProgramEligibility(
    @Schema(examples = "certified-customer-service-professional") String program,
    @Schema(examples = "Certified Customer Service Professional") String name,
    @Schema(
            description =
                "ELIGIBLE: every condition of some route holds; NOT_ELIGIBLE: every route misses something; UNKNOWN: no route is known, or the best routes depend on facts the profile or the sources do not give")
        Status status,
    @Schema(
            description = "The route that makes the candidate eligible, when eligible",
            examples = "Foundational course")
        String eligibleVia,
    @Schema(
            description =
                "Every route, with what holds, what is missing and what cannot be checked")
        List<RouteResult> routes) {

  public enum Status {
    ELIGIBLE,
    NOT_ELIGIBLE,
    UNKNOWN
  }

  @Schema(description = "One route's outcome; missing lists the unmet conditions with the gap.")
  public record RouteResult(
      @Schema(examples = "Customer-facing experience") String route,
      boolean satisfied,
      List<ConditionResult> met,
      List<ConditionResult> missing,
      @Schema(description = "Conditions that cannot be checked from the profile or the sources")
          List<ConditionResult> unknown,
      @Schema(
              description =
                  "Steps taken at application time (code of ethics, endorsement): listed, not judged")
          List<ConditionResult> alsoRequired) {}

  @Schema(description = "A condition and, when missing, what would close the gap.")
  public record ConditionResult(
      @Schema(examples = "EXPERIENCE_MONTHS") ConditionKind kind,
      @Schema(examples = "6–12 months of customer-facing experience") String description,
      @Schema(description = "What would close the gap", examples = "2 more months of experience")
          String gap) {}
}
