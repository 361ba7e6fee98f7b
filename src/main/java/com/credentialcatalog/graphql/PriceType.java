package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.write.Versioned;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An effective-dated price range of a program. */
@Type("Price")
@Description(
    "A price as a range, effective-dated: in force from validFrom (inclusive, null = unknown start)"
        + " to validTo (exclusive, null = open).")
public record PriceType(
    @NonNull @Id @Description("Identifier of this price row (for updatePrice, deletePrice)")
        String id,
    @Description(
            "Version for optimistic concurrency: pass it as expectedVersion to change this row")
        int version,
    @NonNull @Description("What the price pays for") FeeType feeType,
    @Description("Amount range") DecimalRange amount,
    @NonNull @Description("ISO 4217 currency") String currency,
    @NonNull @Description("Who the price applies to") PriceAudience audience,
    @Description("Delivery mode the price is for; null = any") DeliveryMode deliveryMode,
    @Description("Whether paying it is required to earn the credential") boolean requiredForAward,
    @Description("First day in force (inclusive)") LocalDate validFrom,
    @Description("First day no longer in force (exclusive)") LocalDate validTo,
    @Description("What the source says about this price") String note,
    @Description("Source slug") String source) {

  static PriceType of(Versioned<PriceView> v) {
    PriceView p = v.body();
    return new PriceType(
        Long.toString(p.id()),
        Versions.toInt(v.version()),
        p.feeType(),
        p.amount(),
        p.currency(),
        p.audience(),
        p.deliveryMode(),
        p.requiredForAward(),
        p.validFrom(),
        p.validTo(),
        p.note(),
        p.source());
  }
}
