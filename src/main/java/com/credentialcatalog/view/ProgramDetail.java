package com.credentialcatalog.view;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProgramStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program with all its facts and the sources they come from. */
@Schema(
    requiredProperties = {"slug", "name", "credentialType", "version"},
    description =
        "A credential with provider, prices, exams, renewal, eligibility, aliases, outcomes and sources. Unknown facts are null.")
public record ProgramDetail(
    @Schema(description = "Identifier (kebab-case)", examples = "ccxp") String slug,
    @Schema(
            description =
                "CTDL identifier (CTID): the program's node in the CTDL export and in the Credential Registry",
            examples = "ce-0d5c3c1e-8f3a-4b8e-9a57-3f1c2b7d6e90")
        String ctid,
    @Schema(description = "Name", examples = "Certified Customer Experience Professional")
        String name,
    @Schema(description = "Acronym", examples = "CCXP") String acronym,
    @Schema(description = "Owner provider; null when the sources name none")
        ProviderSummary provider,
    @Schema(examples = "CERTIFICATION") CredentialType credentialType,
    @Schema(examples = "EXECUTIVE") Level level,
    List<AudienceRole> audienceRoles,
    List<Competency> competencies,
    List<DeliveryMode> deliveryModes,
    @Schema(description = "Languages (BCP 47)") List<String> languages,
    @Schema(description = "Total study hours") IntRange studyHours,
    @Schema(description = "Duration in weeks") IntRange durationWeeks,
    @Schema(examples = "2014") Integer launchYear,
    @Schema(examples = "ACTIVE") ProgramStatus status,
    @Schema(description = "Slug of the program that replaces this one") String supersededBy,
    @Schema(examples = "https://cxpa.org") String website,
    String description,
    @Schema(description = "When a person last checked these facts against the issuer")
        LocalDate lastVerifiedAt,
    @Schema(description = "Names the program goes by in job ads", examples = "[\"CCXP\"]")
        List<String> aliases,
    @Schema(description = "Every price row, history included") List<PriceView> prices,
    List<ExamFormatView> exams,
    RenewalPolicyView renewal,
    List<EligibilityRouteView> eligibility,
    List<OutcomeClaimView> outcomes,
    @Schema(description = "Every source the facts above refer to") List<SourceView> sources,
    @Schema(
            description =
                "Recognition evidence at a glance; details at /programs/{slug}/recognition")
        RecognitionSummary recognition,
    @Schema(description = "Source slug of the program's own facts") String source,
    OffsetDateTime updatedAt,
    @Schema(description = "Version for optimistic concurrency (If-Match)", examples = "0")
        long version) {}
