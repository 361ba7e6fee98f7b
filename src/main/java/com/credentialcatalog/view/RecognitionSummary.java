package com.credentialcatalog.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Recognition at a glance, on program detail and in lists. */
@Schema(
    requiredProperties = {"signals"},
    description = "How much recognition evidence the catalog holds for a program.")
public record RecognitionSummary(
    @Schema(examples = "12") long signals,
    @Schema(description = "Regions with signals", examples = "[\"US\", \"GB\"]")
        List<String> regions,
    @Schema(description = "Kinds of signals", examples = "[\"JOB_POSTING_MENTIONS\"]")
        List<String> kinds,
    @Schema(
            description =
                "Matched / scanned over every job-posting signal; null without postings data",
            examples = "0.035")
        BigDecimal postingShare,
    @Schema(description = "End of the most recent period observed", examples = "2025-01-31")
        LocalDate latestPeriodEnd) {}
