package com.credentialcatalog.view;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of recognition observations from a scraper. Items are validated one by one. */
@Schema(description = "Up to 1,000 observations. Each is checked on its own: valid items are stored even when others are rejected.")
public record ObservationBatch(@NotNull @Size(min = 1, max = 1000) List<@NotNull Observation> observations) {

  @Schema(description = "One recognition signal. Its natural key (program, kind, sourceName, region, periodStart, periodEnd, requirementLevel) makes a retried batch idempotent.")
  public record Observation(
      @Schema(description = "Program slug", examples = "ccxp") String program,
      @Schema(description = "JOB_POSTING_MENTIONS, EMPLOYER_RECOGNITION, ACCREDITATION, INDUSTRY_STANDARD, GOVERNMENT_APPROVAL", examples = "JOB_POSTING_MENTIONS") String kind,
      @Schema(description = "Where it was observed (job board, employer, body)", examples = "example-jobs.com") String sourceName,
      @Schema(examples = "https://example-jobs.com") String sourceUrl,
      @Schema(description = "ISO 3166 alpha-2 or GLOBAL", examples = "US") String region,
      @Schema(examples = "2025-01-01") LocalDate periodStart,
      @Schema(examples = "2025-01-31") LocalDate periodEnd,
      @Schema(description = "REQUIRED, PREFERRED or MENTIONED", examples = "PREFERRED") String requirementLevel,
      @Schema(description = "Postings that mention the program", examples = "42") Integer postingsMatched,
      @Schema(description = "Postings scanned", examples = "1200") Integer postingsScanned,
      @Schema(description = "When observed; default now") OffsetDateTime observedAt,
      @Schema(examples = "https://example-jobs.com/search?q=CCXP") String evidenceUrl) {}
}
