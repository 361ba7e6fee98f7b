package com.credentialcatalog.repository;

import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.query.ProviderFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Providers by slug, and their program counts in one query. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, Long> {

  public Optional<Provider> findBySlug(String slug) {
    return find("from Provider p left join fetch p.source where p.slug = ?1", slug)
        .firstResultOptional();
  }

  /**
   * A keyset page: providers after (afterKey, afterId) in the order, at most {@code limit}.
   *
   * @param byUpdatedAt sort by last change instead of name
   */
  /**
   * The provider, row-locked until the transaction ends (see {@code ProgramRepository.lockBySlug}).
   */
  public Optional<Provider> lockBySlug(String slug) {
    return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  public boolean existsBySlug(String slug) {
    return count("slug", slug) > 0;
  }

  /** Providers by slug; slugs that name nothing are absent from the map. */
  public Map<String, Provider> findBySlugs(Collection<String> slugs) {
    Map<String, Provider> bySlug = new HashMap<>();
    if (!slugs.isEmpty()) {
      list("slug in ?1", slugs).forEach(p -> bySlug.put(p.slug, p));
    }
    return bySlug;
  }

  /** How many programs the provider owns. */
  public long programCount(Provider provider) {
    return getEntityManager()
        .createQuery("select count(p) from Program p where p.provider = :provider", Long.class)
        .setParameter("provider", provider)
        .getSingleResult();
  }

  /** How many exam formats name the provider as a test vendor. */
  public long examCount(Provider provider) {
    return getEntityManager()
        .createQuery(
            "select count(e) from ExamFormat e join e.testVendors v where v = :provider",
            Long.class)
        .setParameter("provider", provider)
        .getSingleResult();
  }

  public List<Provider> page(
      ProviderFilter filter,
      boolean byUpdatedAt,
      boolean descending,
      String afterKey,
      Long afterId,
      int limit) {
    String key = byUpdatedAt ? "p.updatedAt" : "lower(p.name)";
    String cmp = descending ? "<" : ">";
    String dir = descending ? " desc" : " asc";
    StringBuilder jpql = new StringBuilder("from Provider p left join fetch p.source where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.q() != null) {
      jpql.append(
          " and (lower(p.name) like :q or lower(coalesce(p.acronym, '')) like :q"
              + " or lower(coalesce(p.description, '')) like :q)");
      params.put(
          "q",
          "%"
              + filter
                  .q()
                  .toLowerCase()
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    }
    if (!filter.kinds().isEmpty()) {
      jpql.append(" and p.kind in :kinds");
      params.put("kinds", filter.kinds());
    }
    if (filter.country() != null) {
      jpql.append(" and p.country = :country");
      params.put("country", filter.country());
    }
    if (afterId != null) {
      jpql.append(" and (")
          .append(key)
          .append(" ")
          .append(cmp)
          .append(" :afterKey or (")
          .append(key)
          .append(" = :afterKey and p.id ")
          .append(cmp)
          .append(" :afterId))");
      params.put("afterKey", byUpdatedAt ? java.time.OffsetDateTime.parse(afterKey) : afterKey);
      params.put("afterId", afterId);
    }
    jpql.append(" order by ").append(key).append(dir).append(", p.id").append(dir);
    var query =
        getEntityManager().createQuery(jpql.toString(), Provider.class).setMaxResults(limit);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /** Program counts per provider id, for the given providers, in one statement. */
  public Map<Long, Long> programCounts(Collection<Long> providerIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (providerIds.isEmpty()) {
      return counts;
    }
    getEntityManager()
        .createQuery(
            "select p.provider.id, count(p) from Program p where p.provider.id in :ids"
                + " group by p.provider.id",
            Object[].class)
        .setParameter("ids", providerIds)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }
}
