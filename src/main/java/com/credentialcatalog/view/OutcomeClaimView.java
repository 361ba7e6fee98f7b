package com.credentialcatalog.view;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome figure a source states. */
@Schema(
    description =
        "An outcome figure as a source states it (a claim, not a measurement of the catalog).")
public record OutcomeClaimView(
    @Schema(examples = "CSAT") String metric,
    DecimalRange value,
    @Schema(examples = "PERCENTAGE_POINTS") String unit,
    @Schema(description = "Period over which the outcome is claimed, in months")
        IntRange periodMonths,
    @Schema(description = "The statement as the source makes it") String statement,
    @Schema(description = "Source slug") String source) {}
