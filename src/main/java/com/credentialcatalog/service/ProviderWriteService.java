package com.credentialcatalog.service;

import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.view.ProviderView;
import com.credentialcatalog.view.write.ProviderInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.UnaryOperator;

/**
 * Creates, replaces and deletes providers. Only a catalog admin creates or deletes one; a provider
 * editor may change the providers its token names. Every write appends a change event.
 */
@ApplicationScoped
public class ProviderWriteService {

  static final String ENTITY = "provider";

  private final EntityManager em;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final ChangeLog changeLog;

  public ProviderWriteService(EntityManager em, WriteGuard guard, ProviderScope scope, ChangeLog changeLog) {
    this.em = em;
    this.guard = guard;
    this.scope = scope;
    this.changeLog = changeLog;
  }

  /**
   * Creates a provider.
   *
   * @throws ConflictException when the slug is taken
   * @throws InvalidInputException when the slug is missing or the source unknown
   */
  @Transactional
  public ProviderView create(ProviderInput input) {
    scope.requireAdmin("create providers");
    if (input.slug() == null) {
      throw new InvalidInputException("slug", "must not be null");
    }
    if (exists(input.slug())) {
      throw new ConflictException("A provider with slug '" + input.slug() + "' already exists");
    }
    Provider provider = new Provider();
    provider.slug = input.slug();
    apply(provider, input);
    em.persist(provider);
    em.flush();
    changeLog.record(ENTITY, provider.slug, ChangeOperation.CREATE, scope.actor());
    return view(provider);
  }

  /** The provider as a client writes it: the base of a merge patch. */
  static ProviderInput input(Provider p) {
    return new ProviderInput(p.slug, p.name, p.acronym, p.kind, p.website, p.country, p.description,
        p.source == null ? null : p.source.slug);
  }

  /**
   * Replaces a provider's fields with what {@code change} makes of the current ones (PUT: the
   * body; PATCH: the current fields with the patch merged in).
   *
   * @param expectedVersion the version the client's If-Match names
   * @throws StaleVersionException when it is not the current version
   */
  @Transactional
  public ProviderView replace(String slug, long expectedVersion, UnaryOperator<ProviderInput> change) {
    Provider provider = guard.lockProvider(slug);
    scope.requireProvider(provider.slug, "edit");
    WriteGuard.requireVersion("Provider '" + slug + "'", provider.version, expectedVersion);
    ProviderInput input = change.apply(input(provider));
    if (input.slug() != null && !input.slug().equals(slug)) {
      throw new InvalidInputException("slug", "cannot change (it is '" + slug + "'); slugs are permanent identifiers");
    }
    apply(provider, input);
    WriteGuard.touch(provider);
    em.flush();
    changeLog.record(ENTITY, slug, ChangeOperation.UPDATE, scope.actor());
    return view(provider);
  }

  /**
   * Deletes a provider that owns no program and delivers no exam.
   *
   * @throws ConflictException when programs or exam formats still refer to it
   */
  @Transactional
  public void delete(String slug, long expectedVersion) {
    scope.requireAdmin("delete providers");
    Provider provider = guard.lockProvider(slug);
    WriteGuard.requireVersion("Provider '" + slug + "'", provider.version, expectedVersion);
    long programs = em.createQuery("select count(p) from Program p where p.provider = :provider", Long.class)
        .setParameter("provider", provider).getSingleResult();
    if (programs > 0) {
      throw new ConflictException("Provider '" + slug + "' still owns " + programs
          + " program(s); delete them or move them to another provider first");
    }
    long exams = em.createQuery("select count(e) from ExamFormat e join e.testVendors v where v = :provider", Long.class)
        .setParameter("provider", provider).getSingleResult();
    if (exams > 0) {
      throw new ConflictException("Provider '" + slug + "' is the test vendor of " + exams
          + " exam format(s); remove it from their testVendors first");
    }
    em.remove(provider);
    em.flush();
    changeLog.record(ENTITY, slug, ChangeOperation.DELETE, scope.actor());
  }

  private void apply(Provider provider, ProviderInput input) {
    provider.name = input.name().strip();
    provider.acronym = input.acronym();
    provider.kind = input.kind();
    provider.website = input.website();
    provider.country = input.country();
    provider.description = input.description();
    provider.source = guard.source(input.source(), "source");
  }

  private boolean exists(String slug) {
    return !em.createQuery("select p.id from Provider p where p.slug = :slug", Long.class)
        .setParameter("slug", slug).setMaxResults(1).getResultList().isEmpty();
  }

  private ProviderView view(Provider p) {
    long programCount = em.createQuery("select count(p) from Program p where p.provider = :provider", Long.class)
        .setParameter("provider", p).getSingleResult();
    return new ProviderView(p.slug, p.name, p.acronym, p.kind, p.website, p.country, p.description,
        programCount, ProgramAssembler.source(p.source), p.updatedAt, p.version);
  }
}
