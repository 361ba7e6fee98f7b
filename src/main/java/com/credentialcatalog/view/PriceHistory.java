package com.credentialcatalog.view;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program's prices: those in force on a date and the whole history. */
@Schema(
    requiredProperties = {"program"},
    description = "Prices in force on a date, and every price row ever recorded (history).")
public record PriceHistory(
    @Schema(examples = "ccxp") String program,
    @Schema(examples = "2024-06-01") LocalDate asOf,
    @Schema(
            description =
                "Rows in force on asOf: validFrom ≤ asOf (or unknown) and asOf < validTo (or open)")
        List<PriceView> inForce,
    @Schema(description = "Every row, ordered by fee type, audience and validFrom")
        List<PriceView> history) {}
