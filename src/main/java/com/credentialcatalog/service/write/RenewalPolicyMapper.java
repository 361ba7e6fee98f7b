package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.write.RenewalPolicyInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Renewal policies ↔ {@link RenewalPolicyInput}. */
@ApplicationScoped
public class RenewalPolicyMapper implements EntityMapper<RenewalPolicy, RenewalPolicyInput> {

  private final WriteGuard guard;

  public RenewalPolicyMapper(WriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public RenewalPolicyInput input(RenewalPolicy r) {
    return new RenewalPolicyInput(
        r.cycleYearsMin,
        r.cycleYearsMax,
        r.creditsMin,
        r.creditsMax,
        r.creditUnit,
        ProgramAssembler.enums(r.acceptedRoutes, RenewalRoute.class),
        r.proofRetentionYears,
        r.note,
        ColumnValues.slug(r.source));
  }

  @Override
  public void apply(RenewalPolicy policy, RenewalPolicyInput input) {
    policy.cycleYearsMin = input.cycleYearsMin();
    policy.cycleYearsMax = input.cycleYearsMax();
    policy.creditsMin = input.creditsMin();
    policy.creditsMax = input.creditsMax();
    policy.creditUnit = input.creditUnit();
    policy.acceptedRoutes = ColumnValues.names(input.acceptedRoutes());
    policy.proofRetentionYears = input.proofRetentionYears();
    policy.note = input.note();
    policy.source = guard.source(input.source(), "source");
  }
}
