package com.credentialcatalog.service;

import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.security.ProviderScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every write does first, inside the caller's transaction: lock the aggregate root (provider
 * or program) so that writes to one aggregate run one after the other, check that the caller may
 * write it, and compare the version the client based its change on.
 *
 * <p>The row lock makes the If-Match comparison exact: a second request with the same If-Match
 * waits for the first to commit, then sees the new version and gets 412. The JPA {@code @Version}
 * check in the UPDATE stays as a second line (its failure is mapped to 412 as well).
 */
@ApplicationScoped
public class WriteGuard {

  private final EntityManager em;
  private final ProviderScope scope;

  public WriteGuard(EntityManager em, ProviderScope scope) {
    this.em = em;
    this.scope = scope;
  }

  /**
   * The program, row-locked for this transaction, once the caller may write programs of its provider.
   *
   * @throws NotFoundException when no program has this slug
   * @throws io.quarkus.security.ForbiddenException when the caller may not write it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Program lockProgram(String slug) {
    Program program = em.createQuery("from Program p where p.slug = :slug", Program.class)
        .setParameter("slug", slug)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("program", slug));
    scope.requireProvider(providerSlug(program), "edit programs of");
    return program;
  }

  /**
   * The provider, row-locked for this transaction (no scope check: creating and deleting providers
   * is for admins only, editing for editors of that provider; the caller decides).
   *
   * @throws NotFoundException when no provider has this slug
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Provider lockProvider(String slug) {
    return em.createQuery("from Provider p where p.slug = :slug", Provider.class)
        .setParameter("slug", slug)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("provider", slug));
  }

  /**
   * Compares the version a client's If-Match names with the current one.
   *
   * @param expected the If-Match version; negative for a tag this API never issued
   * @throws StaleVersionException when they differ
   */
  public static void requireVersion(String what, long current, long expected) {
    if (current != expected) {
      throw new StaleVersionException(what, current, expected);
    }
  }

  /**
   * Marks the program as changed: its version goes up and updatedAt moves at flush, so its ETag
   * changes whenever anything in the aggregate (a price, an alias…) does.
   */
  public static void touch(Program program) {
    program.updatedAt = OffsetDateTime.now();
  }

  public static void touch(Provider provider) {
    provider.updatedAt = OffsetDateTime.now();
  }

  /** Marks a child as changed, so that even a PUT of identical content gives it a new version. */
  public static void touch(Price price) {
    price.updatedAt = OffsetDateTime.now();
  }

  public static void touch(ExamFormat exam) {
    exam.updatedAt = OffsetDateTime.now();
  }

  public static void touch(RenewalPolicy renewal) {
    renewal.updatedAt = OffsetDateTime.now();
  }

  public static String providerSlug(Program program) {
    return program.provider == null ? null : program.provider.slug;
  }

  /** The source a request names, or null; an unknown slug is bad input of {@code field}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Source source(String slug, String field) {
    if (slug == null) {
      return null;
    }
    return em.createQuery("from Source s where s.slug = :slug", Source.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException(field, "no source has slug '" + slug + "'"));
  }

  /** The provider a request names, or null; an unknown slug is bad input of {@code field}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Provider provider(String slug, String field) {
    if (slug == null) {
      return null;
    }
    return providers(List.of(slug), field).get(slug);
  }

  /** The providers a request names, in its order; any unknown slug is bad input of {@code field}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Provider> providers(Collection<String> slugs, String field) {
    Map<String, Provider> found = new LinkedHashMap<>();
    if (slugs.isEmpty()) {
      return found;
    }
    Map<String, Provider> bySlug = new LinkedHashMap<>();
    em.createQuery("from Provider p where p.slug in :slugs", Provider.class)
        .setParameter("slugs", slugs)
        .getResultStream()
        .forEach(p -> bySlug.put(p.slug, p));
    for (String slug : slugs) {
      Provider p = bySlug.get(slug);
      if (p == null) {
        throw new InvalidInputException(field, "no provider has slug '" + slug + "'");
      }
      found.put(slug, p);
    }
    return found;
  }

  /** The program a request names, or null; an unknown slug is bad input of {@code field}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Program program(String slug, String field) {
    if (slug == null) {
      return null;
    }
    return em.createQuery("from Program p where p.slug = :slug", Program.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException(field, "no program has slug '" + slug + "'"));
  }
}
