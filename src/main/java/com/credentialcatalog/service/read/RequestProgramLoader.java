package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.SortOrder;
import com.credentialcatalog.repository.ProgramDetailReader;
import com.credentialcatalog.repository.ProgramDetailReader.Part;
import com.credentialcatalog.repository.ProgramDetailReader.Stored;
import com.credentialcatalog.repository.ProgramSearchRepository;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.IntRange;
import com.credentialcatalog.view.OutcomeClaimView;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProviderSummary;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.write.Versioned;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Programs and their children for an adapter that loads each kind of child only when a client asks
 * for it (GraphQL), over the read model: a page (or a program) is one statement that brings each
 * program's prebuilt detail, and every kind of child is then taken from it. The details are kept
 * for the rest of the request, so asking for exams, prices, renewal… of a page costs no further
 * statement; a program not yet loaded in this request costs one statement for all of them.
 */
@ApplicationScoped
public class RequestProgramLoader {

  private final ProgramQueryService query;
  private final ProgramDetailReader reader;
  private final LoadedPrograms requestLoads;

  public RequestProgramLoader(
      ProgramQueryService query, ProgramDetailReader reader, LoadedPrograms requestLoads) {
    this.query = query;
    this.reader = reader;
    this.requestLoads = requestLoads;
  }

  /** The details loaded during one request, by program id. */
  @RequestScoped
  public static class LoadedPrograms {
    private final Map<Long, Stored> byId = new ConcurrentHashMap<>();

    Map<Long, Stored> byId() {
      return byId;
    }
  }

  /**
   * A program's own facts, without children, each read from the stored detail when first asked for:
   * a page that shows names binds names, not dates and vocabularies. The internal id lets an
   * adapter ask for children; it is never a public identifier.
   */
  public static final class ProgramCore {
    private final Stored stored;

    ProgramCore(Stored stored) {
      this.stored = stored;
    }

    public long id() {
      return stored.id();
    }

    public String slug() {
      return stored.member("slug");
    }

    public String name() {
      return stored.member("name");
    }

    public String acronym() {
      return stored.member("acronym");
    }

    /** The owner provider's slug; null when the sources name none. */
    public String provider() {
      ProviderSummary provider = stored.member("provider");
      return provider == null ? null : provider.slug();
    }

    public CredentialType credentialType() {
      return stored.member("credentialType");
    }

    public Level level() {
      return stored.member("level");
    }

    public List<AudienceRole> audienceRoles() {
      return stored.member("audienceRoles");
    }

    public List<Competency> competencies() {
      return stored.member("competencies");
    }

    public List<DeliveryMode> deliveryModes() {
      return stored.member("deliveryModes");
    }

    public List<String> languages() {
      return stored.member("languages");
    }

    public IntRange studyHours() {
      return stored.member("studyHours");
    }

    public IntRange durationWeeks() {
      return stored.member("durationWeeks");
    }

    public Integer launchYear() {
      return stored.member("launchYear");
    }

    public ProgramStatus status() {
      return stored.member("status");
    }

    public String supersededBy() {
      return stored.member("supersededBy");
    }

    public String website() {
      return stored.member("website");
    }

    public String description() {
      return stored.member("description");
    }

    public LocalDate lastVerifiedAt() {
      return stored.member("lastVerifiedAt");
    }

    public String source() {
      return stored.member("source");
    }

    public OffsetDateTime updatedAt() {
      return stored.member("updatedAt");
    }

    public long version() {
      return stored.<Long>member("version");
    }
  }

  /**
   * A page of programs' own facts, in order.
   *
   * @param cursors per item, the cursor that resumes right after it
   * @param totalCount -1 when not asked for
   */
  public record CorePage(
      List<ProgramCore> items,
      List<String> cursors,
      String nextCursor,
      long totalCount,
      Map<Facet, Map<String, Long>> facets) {}

  /**
   * Finds programs like {@link ProgramQueryService#findDetails}: the page statement (with each
   * program's detail) and the counts when asked for.
   *
   * @throws InvalidInputException on a bad limit, horizon, cursor, or relevance without q
   */
  public CorePage findCores(
      ProgramFilter filter,
      SortOrder order,
      String cursor,
      int limit,
      Set<Facet> facets,
      boolean withTotal) {
    ProgramQueryService.RowPage page =
        query.findRows(filter, order, cursor, limit, facets, withTotal, true);
    Map<Long, Stored> loaded = loaded();
    List<ProgramCore> items = new ArrayList<>();
    for (ProgramSearchRepository.Row row : page.rows()) {
      Stored stored = reader.stored(row.id(), row.detail(), row.childVersions());
      loaded.put(row.id(), stored);
      items.add(core(stored));
    }
    return new CorePage(items, page.cursors(), page.nextCursor(), page.totalCount(), page.facets());
  }

  /**
   * One program's own facts.
   *
   * @throws NotFoundException when no program has this slug
   */
  public ProgramCore core(String slug) {
    ProgramCore core = coresBySlug(List.of(slug)).get(slug);
    if (core == null) {
      throw new NotFoundException("program", slug);
    }
    return core;
  }

  /**
   * The own facts of the programs with these slugs, read afresh (a mutation's answer shows what it
   * wrote); unknown slugs are left out.
   */
  public Map<String, ProgramCore> coresBySlug(Collection<String> slugs) {
    Map<Long, Stored> found = reader.stored(List.of(), slugs);
    Map<Long, Stored> loaded = loaded();
    loaded.putAll(found);
    Map<String, ProgramCore> bySlug = new HashMap<>();
    found.values().forEach(s -> bySlug.put(s.member("slug"), core(s)));
    Map<String, ProgramCore> result = new LinkedHashMap<>();
    slugs.forEach(
        slug -> {
          if (bySlug.containsKey(slug)) {
            result.put(slug, bySlug.get(slug));
          }
        });
    return result;
  }

  /** Aliases per program id, oldest first. */
  public Map<Long, List<String>> aliases(Collection<Long> programIds) {
    return each(programIds, s -> s.<List<String>>part(Part.ALIASES));
  }

  /** Every price row per program id (history included), with each row's version. */
  public Map<Long, List<Versioned<PriceView>>> prices(Collection<Long> programIds) {
    return each(
        programIds,
        s -> versioned(s.<List<PriceView>>part(Part.PRICES), PriceView::id, s.versions().prices()));
  }

  /** Exam formats per program id, with each one's version. */
  public Map<Long, List<Versioned<ExamFormatView>>> exams(Collection<Long> programIds) {
    return each(
        programIds,
        s ->
            versioned(
                s.<List<ExamFormatView>>part(Part.EXAMS),
                ExamFormatView::id,
                s.versions().exams()));
  }

  /**
   * A renewal policy with its fees (the program's RENEWAL prices) and each fee's version.
   *
   * @param fees the same rows as {@code policy.fees()}, with versions
   */
  public record Renewal(RenewalPolicyView policy, List<Versioned<PriceView>> fees) {}

  /** The renewal policy per program id (absent when a program has none), its fees included. */
  public Map<Long, Renewal> renewals(Collection<Long> programIds) {
    Map<Long, Renewal> result = new HashMap<>();
    each(programIds, Function.identity())
        .forEach(
            (id, s) -> {
              RenewalPolicyView policy = s.part(Part.RENEWAL);
              if (policy != null) {
                List<PriceView> fees =
                    s.<List<PriceView>>part(Part.PRICES).stream()
                        .filter(p -> p.feeType() == FeeType.RENEWAL)
                        .toList();
                result.put(
                    id, new Renewal(policy, versioned(fees, PriceView::id, s.versions().prices())));
              }
            });
    return result;
  }

  /** Eligibility routes per program id, in order. */
  public Map<Long, List<EligibilityRouteView>> eligibility(Collection<Long> programIds) {
    return each(programIds, s -> s.<List<EligibilityRouteView>>part(Part.ELIGIBILITY));
  }

  /** Outcome claims per program id. */
  public Map<Long, List<OutcomeClaimView>> outcomes(Collection<Long> programIds) {
    return each(programIds, s -> s.<List<OutcomeClaimView>>part(Part.OUTCOMES));
  }

  /**
   * The full detail per program id, as {@code GET /programs/{slug}} gives it: for what is computed
   * over every fact (cost of ownership, the sources of all facts).
   */
  public Map<Long, ProgramDetail> details(Collection<Long> programIds) {
    return each(programIds, Stored::detail);
  }

  /** What each program holds, from this request's loads, loading the missing ones at once. */
  private <T> Map<Long, T> each(Collection<Long> programIds, Function<Stored, T> part) {
    Map<Long, Stored> loaded = loaded();
    List<Long> missing =
        programIds.stream().filter(id -> !loaded.containsKey(id)).distinct().toList();
    if (!missing.isEmpty()) {
      loaded.putAll(reader.stored(missing, List.of()));
    }
    Map<Long, T> result = new HashMap<>();
    for (Long id : programIds) {
      Stored stored = loaded.get(id);
      if (stored != null) {
        result.put(id, part.apply(stored));
      }
    }
    return result;
  }

  /** This request's loaded programs; a fresh map outside a request (nothing to keep them for). */
  private Map<Long, Stored> loaded() {
    ManagedContext request = Arc.container().requestContext();
    if (!request.isActive()) {
      return new HashMap<>();
    }
    return requestLoads.byId();
  }

  private static <T> List<Versioned<T>> versioned(
      List<T> rows, Function<T, Long> id, Map<Long, Long> versions) {
    return rows.stream()
        .map(r -> new Versioned<>(r, versions.getOrDefault(id.apply(r), 0L)))
        .toList();
  }

  private static ProgramCore core(Stored s) {
    return new ProgramCore(s);
  }
}
