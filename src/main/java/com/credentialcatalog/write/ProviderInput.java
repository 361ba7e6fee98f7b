package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.ProviderKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider as a client writes it (POST, PUT, and the base a merge patch applies to). */
@Schema(
    name = "ProviderInput",
    description =
        "A provider to create or replace. Unknown facts are null; an absent field of a PUT becomes null.")
@Input("ProviderInput")
@Description("A provider to create. Unknown facts are left out (null).")
public record ProviderInput(
    @Schema(
            description =
                "Identifier (kebab-case, at most 80 characters). Required on create; on PUT and PATCH it may be left out and otherwise must equal the path slug: slugs never change.",
            examples = "acme-cx-institute",
            pattern = SLUG,
            maxLength = SLUG_MAX)
        @Description("Identifier (kebab-case, at most 80 characters); slugs never change")
        @NonNull
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String slug,
    @Schema(
            description = "Name",
            examples = "ACME Customer Experience Institute",
            maxLength = NAME_MAX,
            required = true)
        @NonNull
        @NotBlank
        @Size(max = NAME_MAX)
        String name,
    @Schema(description = "Acronym", examples = "ACXI", maxLength = ACRONYM_MAX)
        @Size(max = ACRONYM_MAX)
        String acronym,
    @Schema(description = "Kind of body", examples = "TRAINING_VENDOR", required = true)
        @NonNull
        @NotNull
        ProviderKind kind,
    @Schema(
            description = "Website (http or https)",
            examples = "https://acme-cx.example",
            pattern = URL,
            maxLength = URL_MAX)
        @Description("Website (http or https)")
        @Pattern(regexp = URL, message = URL_MESSAGE)
        @Size(max = URL_MAX)
        String website,
    @Schema(description = "ISO 3166-1 alpha-2 country", examples = "US", pattern = COUNTRY)
        @Description("ISO 3166-1 alpha-2 country")
        @Pattern(regexp = COUNTRY, message = COUNTRY_MESSAGE)
        String country,
    @Schema(
            description = "Description",
            examples = "Trains contact-centre teams in CX measurement.",
            maxLength = DESCRIPTION_MAX)
        @Size(max = DESCRIPTION_MAX)
        String description,
    @Schema(
            description = "Slug of an existing source these facts come from",
            examples = "guide-cx-certifications-cxpa",
            pattern = SLUG)
        @Description("Slug of an existing source these facts come from")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String source) {}
