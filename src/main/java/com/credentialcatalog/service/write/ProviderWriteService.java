package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProviderRepository;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.service.failure.ConflictException;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import com.credentialcatalog.view.ProviderView;
import com.credentialcatalog.write.ProviderInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.UnaryOperator;

/**
 * Creates, replaces and deletes providers. Only a catalog admin creates or deletes one; a provider
 * editor may change the providers its token names. Every write appends a change event.
 */
@ApplicationScoped
public class ProviderWriteService {

  static final String ENTITY = "provider";

  private final ProviderRepository providers;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final AggregateWriter writer;
  private final ProviderMapper mapper;

  public ProviderWriteService(
      ProviderRepository providers,
      WriteGuard guard,
      ProviderScope scope,
      AggregateWriter writer,
      ProviderMapper mapper) {
    this.providers = providers;
    this.guard = guard;
    this.scope = scope;
    this.writer = writer;
    this.mapper = mapper;
  }

  /**
   * Creates a provider.
   *
   * @throws ConflictException when the slug is taken
   * @throws InvalidInputException when the slug is missing or the source unknown
   */
  @Transactional
  public ProviderView create(ProviderInput input) {
    return create(input, null);
  }

  /**
   * Creates a provider that keeps the CTID its Credential Registry record carries.
   *
   * @param ctid the record's CTID in stored form ({@link com.credentialcatalog.domain.Ctid}), or
   *     null for a fresh one
   * @throws ConflictException when the slug is taken
   */
  @Transactional
  public ProviderView create(ProviderInput input, String ctid) {
    scope.requireAdmin("create providers");
    if (input.slug() == null) {
      throw new InvalidInputException("slug", "must not be null");
    }
    if (providers.existsBySlug(input.slug())) {
      throw new ConflictException("A provider with slug '" + input.slug() + "' already exists");
    }
    Provider provider = new Provider();
    provider.slug = input.slug();
    provider.ctid = ctid;
    return view(writer.create(target(provider.slug), provider, input, mapper));
  }

  /**
   * Replaces a provider's fields with what {@code change} makes of the current ones (PUT: the body;
   * PATCH: the current fields with the patch merged in).
   *
   * @param expectedVersion the version the client's If-Match names
   * @throws StaleVersionException when it is not the current version
   */
  @Transactional
  public ProviderView replace(
      String slug, long expectedVersion, UnaryOperator<ProviderInput> change) {
    Provider provider = guard.lockProvider(slug);
    scope.requireProvider(provider.slug, "edit");
    return view(
        writer.replace(
            target(slug),
            provider,
            expectedVersion,
            mapper,
            change,
            input -> {
              if (input.slug() != null && !input.slug().equals(slug)) {
                throw new InvalidInputException(
                    "slug",
                    "cannot change (it is '" + slug + "'); slugs are permanent identifiers");
              }
            }));
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
    writer.delete(
        target(slug),
        provider,
        expectedVersion,
        p -> {
          long programs = providers.programCount(p);
          if (programs > 0) {
            throw new ConflictException(
                "Provider '"
                    + slug
                    + "' still owns "
                    + programs
                    + " program(s); delete them or move them to another provider first");
          }
          long exams = providers.examCount(p);
          if (exams > 0) {
            throw new ConflictException(
                "Provider '"
                    + slug
                    + "' is the test vendor of "
                    + exams
                    + " exam format(s); remove it from their testVendors first");
          }
        });
  }

  private static Target target(String slug) {
    return new Target(ENTITY, slug, "Provider '" + slug + "'");
  }

  private ProviderView view(Provider p) {
    return new ProviderView(
        p.slug,
        p.name,
        p.acronym,
        p.kind,
        p.website,
        p.country,
        p.description,
        providers.programCount(p),
        ProgramAssembler.source(p.source),
        p.updatedAt,
        p.version);
  }
}
