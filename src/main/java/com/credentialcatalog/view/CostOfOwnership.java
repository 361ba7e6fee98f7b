package com.credentialcatalog.view;

import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a program costs to earn and keep over a horizon, as an honest range. */
@Schema(
    requiredProperties = {"program", "horizonYears", "complete"},
    description =
        "Cost of ownership over a horizon: required initial fees plus renewals (⌊horizon / cycle⌋ × renewal fee). min takes the cheapest options and the longest cycle, max the dearest options and the shortest cycle.")
public record CostOfOwnership(
    @Schema(examples = "certified-customer-service-professional") @NonNull String program,
    @Schema(examples = "6") int horizonYears,
    @Schema(
            description = "Audience the prices were chosen for; null = every audience",
            examples = "NON_MEMBER")
        PriceAudience audience,
    @Schema(examples = "USD") String currency,
    @Schema(description = "Date whose prices are in force", examples = "2026-11-22") LocalDate asOf,
    @Schema(description = "Required initial fees") DecimalRange initial,
    @Schema(description = "Renewal fees over the horizon; null when unknown") DecimalRange renewals,
    @Schema(description = "initial + renewals (renewals counted as 0 when unknown, see complete)")
        DecimalRange total,
    @Schema(description = "total / horizonYears") DecimalRange perYear,
    @Schema(description = "How many renewals fall in the horizon") IntRange renewalCount,
    @Schema(
            description = "False when a part of the cost is unknown and left out",
            examples = "true")
        boolean complete,
    @NonNull List<@NonNull LineItem> lineItems,
    @Schema(description = "The assumptions behind the figures, in words") @NonNull
        List<@NonNull String> assumptions) {

  /** One component of the cost. */
  @Schema(
      description = "A component of the cost: a fee, how many times it is paid, and the subtotal.")
  public record LineItem(
      @Schema(examples = "Exam fee") @NonNull String label,
      @Schema(examples = "EXAM") FeeType feeType,
      @Schema(description = "One payment") DecimalRange amount,
      @Schema(description = "Number of payments") IntRange count,
      DecimalRange subtotal,
      @Schema(description = "Source slugs of the prices used") @NonNull List<String> sources) {}
}
