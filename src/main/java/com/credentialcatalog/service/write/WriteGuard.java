package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.repository.ProviderRepository;
import com.credentialcatalog.repository.SourceRepository;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.failure.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every write does first (before {@link AggregateWriter} runs the rest), inside the caller's
 * transaction: lock the aggregate root (provider or program) so that writes to one aggregate run
 * one after the other, check that the caller may write it, and compare the version the client based
 * its change on.
 *
 * <p>The row lock makes the If-Match comparison exact: a second request with the same If-Match
 * waits for the first to commit, then sees the new version and gets 412. The JPA {@code @Version}
 * check in the UPDATE stays as a second line (its failure is mapped to 412 as well).
 */
@ApplicationScoped
public class WriteGuard {

  private final ProgramRepository programs;
  private final ProviderRepository providers;
  private final SourceRepository sources;
  private final ProviderScope scope;

  public WriteGuard(
      ProgramRepository programs,
      ProviderRepository providers,
      SourceRepository sources,
      ProviderScope scope) {
    this.programs = programs;
    this.providers = providers;
    this.sources = sources;
    this.scope = scope;
  }

  /**
   * The program, row-locked for this transaction, once the caller may write programs of its
   * provider.
   *
   * @throws NotFoundException when no program has this slug
   * @throws io.quarkus.security.ForbiddenException when the caller may not write it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Program lockProgram(String slug) {
    Program program =
        programs.lockBySlug(slug).orElseThrow(() -> new NotFoundException("program", slug));
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
    return providers.lockBySlug(slug).orElseThrow(() -> new NotFoundException("provider", slug));
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

  public static String providerSlug(Program program) {
    return program.provider == null ? null : program.provider.slug;
  }

  /** The source a request names, or null; an unknown slug is bad input of {@code field}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Source source(String slug, String field) {
    if (slug == null) {
      return null;
    }
    return sources
        .findBySlug(slug)
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

  /**
   * The providers a request names, in its order; any unknown slug is bad input of {@code field}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Provider> providers(Collection<String> slugs, String field) {
    Map<String, Provider> bySlug = providers.findBySlugs(slugs);
    Map<String, Provider> found = new LinkedHashMap<>();
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
    return programs
        .findBySlug(slug)
        .orElseThrow(() -> new InvalidInputException(field, "no program has slug '" + slug + "'"));
  }
}
