package com.credentialcatalog.view;

import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.RenewalRoute;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a credential is kept current. */
@Schema(
    requiredProperties = {"version"},
    description = "Renewal rules; the fee is listed from the program's RENEWAL prices.")
public record RenewalPolicyView(
    @Schema(description = "Renewal cycle in years") IntRange cycleYears,
    @Schema(description = "Credits required per cycle") IntRange credits,
    @Schema(description = "Unit of the credits", examples = "CEU") CreditUnit creditUnit,
    @Schema(description = "Accepted ways to renew") List<RenewalRoute> acceptedRoutes,
    @Schema(description = "Years to keep proof of credits", examples = "3")
        Integer proofRetentionYears,
    @Schema(description = "Renewal fees (prices of type RENEWAL)") List<PriceView> fees,
    @Schema(description = "What the source says beyond the figures") String note,
    @Schema(description = "Source slug") String source,
    @Schema(description = "Version for optimistic concurrency", examples = "0") long version) {}
