package com.credentialcatalog.view;

import com.credentialcatalog.domain.RequirementLevel;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program's recognition signals and monthly posting-share series. */
@Schema(
    description =
        "Recognition signals of a program and, from job-posting signals, a monthly series of posting share (matched / scanned) per region and requirement level.")
public record RecognitionReport(
    @Schema(examples = "ccxp") String program,
    RecognitionSummary summary,
    List<RecognitionSignalView> signals,
    List<Series> series) {

  @Schema(description = "The monthly posting share for one region and requirement level.")
  public record Series(
      @Schema(examples = "US") String region,
      @Schema(examples = "PREFERRED") RequirementLevel requirementLevel,
      List<Point> points) {}

  @Schema(
      description =
          "One month: postings matched and scanned whose period starts in it, and their ratio.")
  public record Point(
      @Schema(examples = "2025-01") String month,
      @Schema(examples = "42") long matched,
      @Schema(examples = "1200") long scanned,
      @Schema(examples = "0.035") BigDecimal share) {}
}
