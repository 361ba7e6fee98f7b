package com.credentialcatalog.view;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProgramStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A program in a list: identity, classification and the figures lists are filtered and sorted by.
 */
@Schema(
    requiredProperties = {"slug", "name", "credentialType"},
    description =
        "A program in a list, with the computed figures the list can be filtered and sorted by.")
public record ProgramSummary(
    @Schema(examples = "ccxp") String slug,
    @Schema(examples = "Certified Customer Experience Professional") String name,
    @Schema(examples = "CCXP") String acronym,
    ProviderSummary provider,
    CredentialType credentialType,
    Level level,
    List<AudienceRole> audienceRoles,
    List<Competency> competencies,
    List<DeliveryMode> deliveryModes,
    List<String> languages,
    ProgramStatus status,
    @Schema(
            description =
                "Required initial cost in the list's currency and audience; null = unknown")
        DecimalRange initialCost,
    @Schema(description = "Cost of ownership over the list's horizonYears; null = unknown")
        DecimalRange costOfOwnership,
    @Schema(examples = "USD") String currency,
    @Schema(description = "Shortest exam duration in minutes") Integer examMinutes,
    @Schema(description = "Months of experience the easiest eligibility route asks; null = unknown")
        Integer experienceMonths,
    @Schema(description = "Renewal cycle in years") IntRange renewalCycleYears,
    @Schema(description = "Recognition evidence at a glance") RecognitionSummary recognition,
    OffsetDateTime updatedAt) {}
