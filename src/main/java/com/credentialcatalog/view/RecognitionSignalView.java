package com.credentialcatalog.view;

import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.domain.RequirementLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One piece of evidence that a program is recognized. */
@Schema(
    description =
        "A recognition signal: job-posting mentions, employer recognition, accreditation…")
@Type("RecognitionSignal") // the GraphQL type is named for what it is, not for the Java record
public record RecognitionSignalView(
    @Schema(examples = "JOB_POSTING_MENTIONS") RecognitionKind kind,
    @Schema(examples = "example-jobs.com") String sourceName,
    @Schema(examples = "https://example-jobs.com") String sourceUrl,
    @Schema(examples = "US") String region,
    @Schema(examples = "2025-01-01") LocalDate periodStart,
    @Schema(examples = "2025-01-31") LocalDate periodEnd,
    @Schema(examples = "PREFERRED") RequirementLevel requirementLevel,
    @Schema(examples = "42") Integer postingsMatched,
    @Schema(examples = "1200") Integer postingsScanned,
    OffsetDateTime observedAt,
    @Schema(examples = "https://example-jobs.com/search?q=CCXP") String evidenceUrl,
    @Schema(description = "Token subject of the submitter", examples = "scraper-7")
        String submittedBy) {}
