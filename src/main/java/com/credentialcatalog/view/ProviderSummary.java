package com.credentialcatalog.view;

import com.credentialcatalog.domain.ProviderKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider as it appears inside another resource. */
@Schema(
    requiredProperties = {"slug", "name"},
    description = "A provider reference.")
public record ProviderSummary(
    @Schema(description = "Provider identifier", examples = "cxpa") String slug,
    @Schema(
            description = "Provider name",
            examples = "Customer Experience Professionals Association")
        String name,
    @Schema(description = "Acronym", examples = "CXPA") String acronym,
    @Schema(description = "Kind of body", examples = "PROFESSIONAL_ASSOCIATION")
        ProviderKind kind) {}
