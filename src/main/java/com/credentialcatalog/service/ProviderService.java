package com.credentialcatalog.service;

import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.repository.ProviderRepository;
import com.credentialcatalog.view.ProviderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Reads providers for both adapters. */
@ApplicationScoped
public class ProviderService {

  private final ProviderRepository providers;

  public ProviderService(ProviderRepository providers) {
    this.providers = providers;
  }

  /** Every provider, by name, with its program count. */
  @Transactional
  public List<ProviderView> list() {
    List<Provider> all = providers.listAllByName();
    Map<Long, Long> counts = providers.programCounts(all.stream().map(p -> p.id).toList());
    return all.stream().map(p -> view(p, counts.getOrDefault(p.id, 0L))).toList();
  }

  /**
   * One provider.
   *
   * @throws NotFoundException when no provider has this slug
   */
  @Transactional
  public ProviderView get(String slug) {
    Provider p = providers.findBySlug(slug).orElseThrow(() -> new NotFoundException("provider", slug));
    return view(p, providers.programCounts(List.of(p.id)).getOrDefault(p.id, 0L));
  }

  private static ProviderView view(Provider p, long programCount) {
    return new ProviderView(p.slug, p.name, p.acronym, p.kind, p.website, p.country, p.description,
        programCount, ProgramAssembler.source(p.source), p.updatedAt, p.version);
  }
}
