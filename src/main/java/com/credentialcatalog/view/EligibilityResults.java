package com.credentialcatalog.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of eligibility results. */
@Schema(
    requiredProperties = {"totalCount"},
    description = "Eligibility per program for one profile, paged like GET /programs.")
public record EligibilityResults(
    List<ProgramEligibility> items,
    @Schema(description = "Cursor of the next page; null on the last") String nextCursor,
    @Schema(description = "Number of programs matching the filter", examples = "13")
        long totalCount) {}
