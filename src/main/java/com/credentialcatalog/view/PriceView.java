package com.credentialcatalog.view;

import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An effective-dated price range. */
@Schema(
    requiredProperties = {"id", "requiredForAward"},
    description =
        "A price as a range, effective-dated: in force from validFrom (inclusive, null = unknown start) to validTo (exclusive, null = open).")
public record PriceView(
    @Schema(description = "Internal identifier of this price row", examples = "12") long id,
    @Schema(description = "What the price pays for", examples = "EXAM") FeeType feeType,
    @Schema(description = "Amount range") DecimalRange amount,
    @Schema(description = "ISO 4217 currency", examples = "USD") String currency,
    @Schema(description = "Who the price applies to", examples = "ANY") PriceAudience audience,
    @Schema(description = "Delivery mode the price is for; null = any") DeliveryMode deliveryMode,
    @Schema(description = "Whether paying it is required to earn the credential", examples = "true")
        boolean requiredForAward,
    @Schema(description = "First day in force (inclusive)", examples = "2024-01-01")
        LocalDate validFrom,
    @Schema(description = "First day no longer in force (exclusive)") LocalDate validTo,
    @Schema(description = "What the source says about this price") String note,
    @Schema(description = "Source slug", examples = "guide-cx-certifications-cxpa")
        String source) {}
