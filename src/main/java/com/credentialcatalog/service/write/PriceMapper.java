package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.write.PriceInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Price rows ↔ {@link PriceInput}. */
@ApplicationScoped
public class PriceMapper implements EntityMapper<Price, PriceInput> {

  private final WriteGuard guard;

  public PriceMapper(WriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public PriceInput input(Price p) {
    return new PriceInput(
        p.feeType,
        p.amountMin,
        p.amountMax,
        p.currency,
        p.audience,
        p.deliveryMode,
        p.requiredForAward,
        p.validFrom,
        p.validTo,
        p.note,
        ColumnValues.slug(p.source));
  }

  @Override
  public void apply(Price price, PriceInput input) {
    price.feeType = input.feeType();
    price.amountMin = ColumnValues.money(input.amountMin());
    price.amountMax = ColumnValues.money(input.amountMax());
    price.currency = input.currency();
    price.audience = input.audience() == null ? PriceAudience.ANY : input.audience();
    price.deliveryMode = input.deliveryMode();
    price.requiredForAward = Boolean.TRUE.equals(input.requiredForAward());
    price.validFrom = input.validFrom();
    price.validTo = input.validTo();
    price.note = input.note();
    price.source = guard.source(input.source(), "source");
  }
}
