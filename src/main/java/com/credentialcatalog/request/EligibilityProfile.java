package com.credentialcatalog.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a candidate brings; unknown answers stay null and make conditions on them unverifiable. */
@Schema(
    description =
        "A candidate profile. Omitted fields are unknown: conditions on them are reported as unknown, not as met.")
public record EligibilityProfile(
    @Schema(description = "Age in years", examples = "24") @Min(0) @Max(120) Integer age,
    @Schema(description = "Months of relevant (customer-facing / CX) experience", examples = "8")
        @Min(0)
        @Max(1200)
        Integer experienceMonths,
    @Schema(description = "Has supervisory responsibilities", examples = "false")
        Boolean supervisoryExperience,
    @Schema(description = "Hours of completed foundational course work", examples = "0")
        @Min(0)
        @Max(100000)
        Integer courseHours,
    @Schema(
            description = "Credentials held (program slugs or acronyms)",
            examples = "[\"hdi-support-center-analyst\"]")
        @Size(max = 50)
        List<@Size(max = 200) String> credentialsHeld,
    @Schema(
            description = "Can provide a portfolio or documented evidence of work",
            examples = "false")
        Boolean hasPortfolio) {

  public EligibilityProfile {
    credentialsHeld = credentialsHeld == null ? List.of() : credentialsHeld;
  }
}
