package com.credentialcatalog.graphql;

import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.OutcomeClaimView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** An outcome figure a source states. */
@Type("OutcomeClaim")
@Description("An outcome figure as a source states it (a claim, not a measurement of the catalog).")
public record OutcomeClaimType(
    String metric,
    DecimalRange value,
    String unit,
    @Description("Period over which the outcome is claimed, in months") IntRange periodMonths,
    @Description("The statement as the source makes it") String statement,
    @Description("Source slug") String source) {

  static OutcomeClaimType of(OutcomeClaimView o) {
    return new OutcomeClaimType(
        o.metric(), o.value(), o.unit(), o.periodMonths(), o.statement(), o.source());
  }
}
