package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.write.ProviderInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Providers ↔ {@link ProviderInput}; the slug is set once, at create. */
@ApplicationScoped
public class ProviderMapper implements EntityMapper<Provider, ProviderInput> {

  private final WriteGuard guard;

  public ProviderMapper(WriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public ProviderInput input(Provider p) {
    return new ProviderInput(
        p.slug,
        p.name,
        p.acronym,
        p.kind,
        p.website,
        p.country,
        p.description,
        ColumnValues.slug(p.source));
  }

  @Override
  public void apply(Provider provider, ProviderInput input) {
    provider.name = input.name().strip();
    provider.acronym = input.acronym();
    provider.kind = input.kind();
    provider.website = input.website();
    provider.country = input.country();
    provider.description = input.description();
    provider.source = guard.source(input.source(), "source");
  }
}
