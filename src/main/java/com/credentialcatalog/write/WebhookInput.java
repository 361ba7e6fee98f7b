package com.credentialcatalog.write;

import com.credentialcatalog.domain.ChangeOperation;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as a client creates or changes it; empty or absent filters match all. */
@Schema(
    name = "WebhookInput",
    requiredProperties = {"targetUrl"},
    description =
        "Where to POST matching change events, and which events match. An event matches when it passes every filter given (an empty or absent list matches all), and the token that created the subscription could see it.")
@Input("WebhookInput")
public record WebhookInput(
    @NotBlank
        @Size(max = 2048)
        @NonNull
        @Schema(
            description =
                "Receiver URL: https:// and resolving only to public addresses (README \"Webhooks\", SSRF)",
            examples = "https://partner.example/hooks/catalog")
        String targetUrl,
    @Size(max = 500)
        @Schema(description = "A note for the owner", examples = "CRM sync")
        @Description("A note for the owner")
        String description,
    @Size(max = 10)
        @Schema(
            description =
                "Entity types: provider, program, price, exam-format, renewal-policy, alias, recognition-signal, read-model",
            examples = "[\"program\", \"price\"]")
        @Nullable
        List<@Nullable @NotBlank String> entityTypes,
    @Size(max = 100)
        @Schema(description = "Slugs of providers whose changes match", examples = "[\"cxpa\"]")
        @Nullable
        List<@Nullable @NotBlank @Pattern(regexp = WriteConstraints.SLUG) String> providerSlugs,
    @Size(max = 100)
        @Schema(description = "Slugs of programs whose changes match", examples = "[\"ccxp\"]")
        @Nullable
        List<@Nullable @NotBlank @Pattern(regexp = WriteConstraints.SLUG) String> programSlugs,
    @Size(max = 3)
        @Schema(description = "Operations that match", examples = "[\"CREATE\", \"UPDATE\"]")
        @Nullable
        List<@Nullable @NotNull ChangeOperation> operations) {}
