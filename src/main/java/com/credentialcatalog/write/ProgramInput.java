package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProgramStatus;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A program's own fields as a client writes them. Children (prices, exams, renewal, aliases) have
 * their own resources and are left alone by a PUT of the program.
 */
@ConsistentFields
@Schema(
    name = "ProgramInput",
    description =
        "A program to create or replace. Prices, exams, renewal and aliases are separate resources under the program and are not touched by a PUT. Unknown facts are null; an absent field of a PUT becomes null (lists become empty, status ACTIVE).")
@Input("ProgramInput")
@Description(
    "A program to create. Prices, exams, renewal and aliases are added with their own mutations. Unknown facts are left out (null).")
public record ProgramInput(
    @Schema(
            description =
                "Identifier (kebab-case, at most 80 characters). Required on create; on PUT and PATCH it may be left out and otherwise must equal the path slug: slugs never change.",
            examples = "acme-cx-analyst",
            pattern = SLUG,
            maxLength = SLUG_MAX)
        @Description("Identifier (kebab-case, at most 80 characters); slugs never change")
        @NonNull
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String slug,
    @Schema(
            description = "Name",
            examples = "ACME Certified CX Analyst",
            maxLength = NAME_MAX,
            required = true)
        @NonNull
        @NotBlank
        @Size(max = NAME_MAX)
        String name,
    @Schema(description = "Acronym", examples = "ACXA", maxLength = ACRONYM_MAX)
        @Size(max = ACRONYM_MAX)
        String acronym,
    @Schema(
            description =
                "Slug of the owner provider; null = no known provider (only catalog-admin may write such a program). A provider-editor may only name a provider its token holds.",
            examples = "acme-cx-institute",
            pattern = SLUG)
        @Description("Slug of the owner provider; null = none (catalog-admin only)")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String provider,
    @Schema(description = "What the program awards", examples = "CERTIFICATION", required = true)
        @NonNull
        @NotNull
        CredentialType credentialType,
    @Schema(description = "Career stage", examples = "PROFESSIONAL") Level level,
    @Schema(
            description = "Roles the program is meant for (at most 50)",
            examples = "[\"FRONTLINE_AGENT\", \"TEAM_LEAD\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<@Nullable @NotNull AudienceRole> audienceRoles,
    @Schema(
            description = "Competencies from the controlled vocabulary (at most 50)",
            examples = "[\"CX_STRATEGY\", \"PERFORMANCE_METRICS\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<@Nullable @NotNull Competency> competencies,
    @Schema(
            description = "How training is delivered (at most 50)",
            examples = "[\"SELF_PACED_ONLINE\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Size(max = LIST_MAX)
        List<@Nullable @NotNull DeliveryMode> deliveryModes,
    @Schema(
            description = "Languages as BCP 47 tags (at most 50)",
            examples = "[\"en\", \"es\"]",
            maxItems = LIST_MAX)
        @Nullable
        @Description("BCP 47 language tags")
        @Size(max = LIST_MAX)
        List<
                @Nullable @NotNull @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE)
                @Size(max = 35) String>
            languages,
    @Schema(description = "Total study hours, lower bound", examples = "20", minimum = "0")
        @PositiveOrZero
        Integer studyHoursMin,
    @Schema(
            description = "Total study hours, upper bound (≥ studyHoursMin)",
            examples = "40",
            minimum = "0")
        @PositiveOrZero
        Integer studyHoursMax,
    @Schema(description = "Duration in weeks, lower bound", examples = "4", minimum = "0")
        @PositiveOrZero
        Integer durationWeeksMin,
    @Schema(
            description = "Duration in weeks, upper bound (≥ durationWeeksMin)",
            examples = "8",
            minimum = "0")
        @PositiveOrZero
        Integer durationWeeksMax,
    @Schema(
            description = "Year the program was launched",
            examples = "2021",
            minimum = "1900",
            maximum = "2200")
        @Min(1900)
        @Max(2200)
        Integer launchYear,
    @Schema(
            description = "Whether the program can still be earned; null = ACTIVE",
            examples = "ACTIVE")
        @Description("Default ACTIVE")
        ProgramStatus status,
    @Schema(
            description = "Slug of the program that replaces this one",
            examples = "ccxp",
            pattern = SLUG)
        @Description("Slug of the program that replaces this one")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String supersededBy,
    @Schema(
            description = "Website (http or https)",
            examples = "https://acme-cx.example/analyst",
            pattern = URL,
            maxLength = URL_MAX)
        @Description("Website (http or https)")
        @Pattern(regexp = URL, message = URL_MESSAGE)
        @Size(max = URL_MAX)
        String website,
    @Schema(
            description = "Description",
            examples = "Measuring and improving customer experience in contact centres.",
            maxLength = DESCRIPTION_MAX)
        @Size(max = DESCRIPTION_MAX)
        String description,
    @Schema(
            description =
                "When a person last checked these facts against the issuer (not in the future)",
            examples = "2025-01-15")
        @Description(
            "When a person last checked these facts against the issuer (not in the future)")
        @PastOrPresent
        LocalDate lastVerifiedAt,
    @Schema(
            description = "Slug of an existing source these facts come from",
            examples = "guide-cx-certifications-cxpa",
            pattern = SLUG)
        @Description("Slug of an existing source these facts come from")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String source)
    implements CrossFieldRules {

  @Override
  public List<Violation> crossFieldViolations() {
    return new Checks()
        .storableDate("lastVerifiedAt", lastVerifiedAt)
        .notBelow("studyHoursMax", studyHoursMax, "studyHoursMin", studyHoursMin)
        .notBelow("durationWeeksMax", durationWeeksMax, "durationWeeksMin", durationWeeksMin)
        .violations();
  }
}
