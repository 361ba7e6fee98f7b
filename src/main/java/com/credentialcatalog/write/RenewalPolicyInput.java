package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.RenewalRoute;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program's renewal policy as a client writes it. The renewal fee is a price of type RENEWAL. */
@ConsistentFields
@Schema(
    name = "RenewalPolicyInput",
    description =
        "How a credential is kept current. The renewal fee is not here: add a price with feeType RENEWAL.")
@Input("RenewalPolicyInput")
@Description(
    "How a credential is kept current. The renewal fee is not here: add a price with feeType RENEWAL.")
public record RenewalPolicyInput(
    @Schema(
            description = "Renewal cycle in years, lower bound (> 0)",
            examples = "3",
            minimum = "1")
        @Positive
        @Max(100)
        Integer cycleYearsMin,
    @Schema(
            description = "Renewal cycle in years, upper bound (≥ cycleYearsMin)",
            examples = "3",
            minimum = "1")
        @Positive
        @Max(100)
        Integer cycleYearsMax,
    @Schema(description = "Credits required per cycle, lower bound", examples = "60", minimum = "0")
        @PositiveOrZero
        Integer creditsMin,
    @Schema(
            description = "Credits required per cycle, upper bound (≥ creditsMin)",
            examples = "60",
            minimum = "0")
        @PositiveOrZero
        Integer creditsMax,
    @Schema(description = "Unit of the credits", examples = "CEU") CreditUnit creditUnit,
    @Schema(
            description = "Accepted ways to renew (at most 50)",
            examples = "[\"CREDITS\", \"RETEST\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<@Nullable @NotNull RenewalRoute> acceptedRoutes,
    @Schema(description = "Years to keep proof of credits", examples = "3", minimum = "0")
        @PositiveOrZero
        @Max(100)
        Integer proofRetentionYears,
    @Schema(
            description = "What the source says beyond the figures",
            examples = "Credits from the association's webinars count double.",
            maxLength = NOTE_MAX)
        @Size(max = NOTE_MAX)
        String note,
    @Schema(
            description = "Slug of an existing source",
            examples = "guide-cx-certifications-cxpa",
            pattern = SLUG)
        @Description("Slug of an existing source")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String source)
    implements CrossFieldRules {

  @Override
  public List<Violation> crossFieldViolations() {
    return new Checks()
        .notBelow("cycleYearsMax", cycleYearsMax, "cycleYearsMin", cycleYearsMin)
        .notBelow("creditsMax", creditsMax, "creditsMin", creditsMin)
        .violations();
  }
}
