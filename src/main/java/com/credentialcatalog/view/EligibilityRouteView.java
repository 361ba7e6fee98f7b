package com.credentialcatalog.view;

import com.credentialcatalog.domain.ConditionKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One way to qualify for a program. */
@Schema(
    description =
        "An eligibility route: a candidate qualifies when every condition of any one route holds.")
public record EligibilityRouteView(
    @Schema(description = "Route name", examples = "Foundational course") String name,
    @Schema(description = "Route description") String description,
    @Schema(description = "Conditions, all required") List<Condition> conditions,
    @Schema(description = "Source slug") String source) {

  @Schema(
      description =
          "A condition. value is a threshold (years of age, months, hours); a range where the source gives one.")
  public record Condition(
      @Schema(examples = "EXPERIENCE_MONTHS") ConditionKind kind,
      IntRange value,
      @Schema(description = "Prerequisite credential, for PREREQUISITE_CREDENTIAL")
          String credential,
      @Schema(examples = "6–12 months of customer-facing experience") String description) {}
}
