package com.credentialcatalog.view;

import com.credentialcatalog.domain.ProviderKind;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider with everything the catalog knows about it. */
@Schema(
    requiredProperties = {"slug", "name", "programCount", "version"},
    description = "An issuing body, standards body, training vendor, university or test vendor.")
public record ProviderView(
    @Schema(description = "Identifier (kebab-case)", examples = "cxpa") String slug,
    @Schema(description = "Name", examples = "Customer Experience Professionals Association")
        String name,
    @Schema(description = "Acronym", examples = "CXPA") String acronym,
    @Schema(description = "Kind of body", examples = "PROFESSIONAL_ASSOCIATION") ProviderKind kind,
    @Schema(description = "Website", examples = "https://cxpa.org") String website,
    @Schema(description = "ISO 3166-1 alpha-2 country, if known", examples = "US") String country,
    @Schema(description = "Description") String description,
    @Schema(description = "Number of programs the provider owns", examples = "1") long programCount,
    @Schema(description = "Source of these facts") SourceView source,
    @Schema(description = "Last change") OffsetDateTime updatedAt,
    @Schema(description = "Version for optimistic concurrency (If-Match)", examples = "0")
        long version) {}
