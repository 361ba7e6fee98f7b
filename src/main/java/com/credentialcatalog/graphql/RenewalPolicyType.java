package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.service.read.RequestProgramLoader;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.RenewalPolicyView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** How a credential is kept current. */
@Type("RenewalPolicy")
@Description("Renewal rules; the fees are the program's prices of type RENEWAL.")
public record RenewalPolicyType(
    @Description("Renewal cycle in years") IntRange cycleYears,
    @Description("Credits required per cycle") IntRange credits,
    @Description("Unit of the credits") CreditUnit creditUnit,
    @NonNull @Description("Accepted ways to renew") List<@NonNull RenewalRoute> acceptedRoutes,
    @Description("Years to keep proof of credits") Integer proofRetentionYears,
    @NonNull @Description("Renewal fees (prices of type RENEWAL)") List<@NonNull PriceType> fees,
    @Description("What the source says beyond the figures") String note,
    @Description("Source slug") String source,
    @Description(
            "Version for optimistic concurrency: pass it as expectedVersion to change the policy")
        int version) {

  static RenewalPolicyType of(RequestProgramLoader.Renewal renewal) {
    RenewalPolicyView r = renewal.policy();
    return new RenewalPolicyType(
        r.cycleYears(),
        r.credits(),
        r.creditUnit(),
        r.acceptedRoutes(),
        r.proofRetentionYears(),
        renewal.fees().stream().map(PriceType::of).toList(),
        r.note(),
        r.source(),
        Versions.toInt(r.version()));
  }
}
