package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProviderFilter;
import com.credentialcatalog.repository.ProviderReader;
import com.credentialcatalog.repository.ProviderRepository;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.view.Page;
import com.credentialcatalog.view.ProviderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads providers for both adapters. */
@ApplicationScoped
public class ProviderService {

  private final ProviderRepository providers;
  private final ProviderReader reader;

  public ProviderService(ProviderRepository providers, ProviderReader reader) {
    this.providers = providers;
    this.reader = reader;
  }

  /**
   * A keyset page of providers with their program counts.
   *
   * @param sort {@code name} (default) or {@code updatedAt}, {@code -} prefix for descending
   * @throws InvalidInputException on a bad sort, limit or cursor
   */
  @Transactional
  public Page<ProviderView> find(ProviderFilter filter, String sort, int limit, String cursor) {
    CursorPage page = findWithCursors(filter, sort, limit, cursor);
    return new Page<>(page.items(), page.nextCursor());
  }

  /**
   * A keyset page of providers with, per provider, the cursor that resumes right after it.
   *
   * @param cursors one per item (Relay edge cursors)
   */
  public record CursorPage(List<ProviderView> items, List<String> cursors, String nextCursor) {}

  /**
   * Like {@link #find}, with a cursor per provider.
   *
   * @throws InvalidInputException on a bad sort, limit or cursor
   */
  @Transactional
  public CursorPage findWithCursors(ProviderFilter filter, String sort, int limit, String cursor) {
    Bounds.pageSize(limit);
    String s = sort == null || sort.isBlank() ? "name" : sort;
    boolean descending = s.startsWith("-");
    String key = s.replaceFirst("^[-+]", "");
    if (!key.equals("name") && !key.equals("updatedAt")) {
      throw InvalidInputException.of(
          "sort",
          InvalidInputException.Kind.UNKNOWN_VALUE,
          "Unknown sort '%s'; use name or updatedAt",
          key);
    }
    boolean byUpdatedAt = key.equals("updatedAt");
    String fingerprint = Integer.toHexString((filter + "|" + s).hashCode());
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, fingerprint);
    List<Provider> rows =
        providers.page(
            filter,
            byUpdatedAt,
            descending,
            after == null ? null : after.value(),
            after == null ? null : after.id(),
            limit + 1);
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<String> cursors =
        rows.stream()
            .map(
                p ->
                    new Cursor(
                            fingerprint,
                            byUpdatedAt ? p.updatedAt.toString() : p.name.toLowerCase(),
                            p.id)
                        .encode())
            .toList();
    Map<Long, Long> counts = providers.programCounts(rows.stream().map(p -> p.id).toList());
    return new CursorPage(
        rows.stream().map(p -> view(p, counts.getOrDefault(p.id, 0L))).toList(),
        cursors,
        more ? cursors.get(limit - 1) : null);
  }

  /**
   * The providers with these slugs, with their program counts and sources, in one statement
   * whatever their number (no entities, no transaction); unknown slugs are left out.
   */
  public Map<String, ProviderView> viewsOf(Collection<String> slugs) {
    return reader.views(slugs);
  }

  /** Whether a provider with this slug exists. */
  @Transactional
  public void requireExists(String slug) {
    providers.findBySlug(slug).orElseThrow(() -> new NotFoundException("provider", slug));
  }

  /**
   * One provider.
   *
   * @throws NotFoundException when no provider has this slug
   */
  @Transactional
  public ProviderView get(String slug) {
    Provider p =
        providers.findBySlug(slug).orElseThrow(() -> new NotFoundException("provider", slug));
    return view(p, providers.programCounts(List.of(p.id)).getOrDefault(p.id, 0L));
  }

  static ProviderView view(Provider p, long programCount) {
    return new ProviderView(
        p.slug,
        p.name,
        p.acronym,
        p.kind,
        p.website,
        p.country,
        p.description,
        programCount,
        ProgramAssembler.source(p.source),
        p.updatedAt,
        p.version);
  }
}
