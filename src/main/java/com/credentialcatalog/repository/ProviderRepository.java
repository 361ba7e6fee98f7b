package com.credentialcatalog.repository;

import com.credentialcatalog.domain.Provider;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Providers by slug, and their program counts in one query. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, Long> {

  public Optional<Provider> findBySlug(String slug) {
    return find("from Provider p left join fetch p.source where p.slug = ?1", slug).firstResultOptional();
  }

  public List<Provider> listAllByName() {
    return list("from Provider p left join fetch p.source order by lower(p.name), p.slug");
  }

  /** Program counts per provider id, for the given providers, in one statement. */
  public Map<Long, Long> programCounts(Collection<Long> providerIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (providerIds.isEmpty()) {
      return counts;
    }
    getEntityManager()
        .createQuery("select p.provider.id, count(p) from Program p where p.provider.id in :ids"
            + " group by p.provider.id", Object[].class)
        .setParameter("ids", providerIds)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }
}
