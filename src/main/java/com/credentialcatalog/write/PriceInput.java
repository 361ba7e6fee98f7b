package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A price row as a client writes it. */
@ConsistentFields
@Schema(
    name = "PriceInput",
    description =
        "An effective-dated price range. A single stated figure has amountMin = amountMax. To record a price change, close the old row (validTo) and add a new one: history is kept.")
@Input("PriceInput")
@Description(
    "An effective-dated price range. A single stated figure has amountMin = amountMax. To record a price change, close the old row (validTo) and add a new one: history is kept.")
public record PriceInput(
    @Schema(description = "What the price pays for", examples = "EXAM", required = true)
        @NonNull
        @NotNull
        FeeType feeType,
    @Schema(
            description = "Lower bound of the amount (≥ 0, two decimals)",
            examples = "450.00",
            minimum = "0",
            required = true)
        @Description("Lower bound (≥ 0, two decimals)")
        @NonNull
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 10, fraction = 2)
        BigDecimal amountMin,
    @Schema(
            description = "Upper bound of the amount (≥ amountMin)",
            examples = "650.00",
            minimum = "0",
            required = true)
        @Description("Upper bound (≥ amountMin)")
        @NonNull
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 10, fraction = 2)
        BigDecimal amountMax,
    @Schema(
            description = "ISO 4217 currency",
            examples = "USD",
            pattern = CURRENCY,
            required = true)
        @Description("ISO 4217 currency")
        @NonNull
        @NotNull
        @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE)
        String currency,
    @Schema(description = "Who the price applies to; null = ANY", examples = "NON_MEMBER")
        @Description("Default ANY")
        PriceAudience audience,
    @Schema(description = "Delivery mode the price is for; null = any", examples = "LIVE_ONLINE")
        @Description("Delivery mode the price is for; null = any")
        DeliveryMode deliveryMode,
    @Schema(
            description = "Whether paying it is required to earn the credential; null = false",
            examples = "true")
        @Description("Default false")
        Boolean requiredForAward,
    @Schema(
            description = "First day in force (inclusive); null = unknown start",
            examples = "2025-01-01")
        @Description("First day in force (inclusive)")
        LocalDate validFrom,
    @Schema(
            description = "First day no longer in force (exclusive, after validFrom); null = open",
            examples = "2026-01-01")
        @Description("First day no longer in force (exclusive, after validFrom)")
        LocalDate validTo,
    @Schema(
            description = "What the source says about this price",
            examples = "Early-bird discount of 10% until March.",
            maxLength = NOTE_MAX)
        @Size(max = NOTE_MAX)
        String note,
    @Schema(
            description = "Slug of an existing source",
            examples = "guide-cx-certifications-cxpa",
            pattern = SLUG)
        @Description("Slug of an existing source")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @Size(max = SLUG_MAX)
        String source)
    implements CrossFieldRules {

  @Override
  public List<Violation> crossFieldViolations() {
    return new Checks()
        .notBelow("amountMax", amountMax, "amountMin", amountMin)
        .after("validTo", validTo, "validFrom", validFrom)
        .storableDate("validFrom", validFrom)
        .storableDate("validTo", validTo)
        .violations();
  }
}
