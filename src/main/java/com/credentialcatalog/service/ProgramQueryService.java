package com.credentialcatalog.service;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidQueryException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSort;
import com.credentialcatalog.query.ProgramSqlBuilder;
import com.credentialcatalog.query.SortOrder;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.repository.ProgramSearchRepository;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.service.compute.ProgramMeasures;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramPage;
import com.credentialcatalog.view.ProgramSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Program lists for both adapters: filter, sort, keyset pages, totals and facets. A page costs a
 * fixed number of statements: ids, counts, the programs, and one batch per kind of child.
 */
@ApplicationScoped
public class ProgramQueryService {

  public static final int MAX_LIMIT = 100;

  private final ProgramSearchRepository search;
  private final ProgramRepository programs;
  private final ProgramAssembler assembler;
  private final Clock clock;

  public ProgramQueryService(ProgramSearchRepository search, ProgramRepository programs,
      ProgramAssembler assembler, Clock clock) {
    this.search = search;
    this.programs = programs;
    this.assembler = assembler;
    this.clock = clock;
  }

  /**
   * A page of matching program details, in order, with the cursor of the next page.
   *
   * @param cursors per item, the cursor that resumes right after it (Relay edge cursors)
   */
  public record DetailPage(List<ProgramDetail> items, String nextCursor, long totalCount,
      Map<Facet, Map<String, Long>> facets, List<String> cursors) {}

  /**
   * A page of matching program ids, in order: what an adapter that loads children on demand
   * (GraphQL) needs before it fetches the programs themselves.
   *
   * @param cursors per id, the cursor that resumes right after it
   * @param totalCount -1 when not asked for
   */
  public record IdPage(List<Long> ids, List<String> cursors, String nextCursor, long totalCount,
      Map<Facet, Map<String, Long>> facets) {}

  /**
   * Finds programs.
   *
   * @param cursor the nextCursor of the previous page, or null for the first
   * @param limit 1–{@value #MAX_LIMIT}
   * @param facets fields to count values of over the whole filtered set
   * @param withTotal whether to count the filtered set (a second statement)
   * @throws InvalidQueryException on a bad limit, a foreign cursor or relevance without q
   */
  @Transactional
  public DetailPage findDetails(ProgramFilter filter, SortOrder order, String cursor, int limit,
      Set<Facet> facets, boolean withTotal) {
    IdPage page = findIds(filter, order, cursor, limit, facets, withTotal);
    List<ProgramDetail> details = assembler.details(programs.findByIdsInOrder(page.ids()));
    return new DetailPage(details, page.nextCursor(), page.totalCount(), page.facets(), page.cursors());
  }

  /**
   * Finds the ids of matching programs: the page query and, when asked for, the counts.
   *
   * @throws InvalidQueryException as {@link #findDetails}
   */
  @Transactional
  public IdPage findIds(ProgramFilter filter, SortOrder order, String cursor, int limit,
      Set<Facet> facets, boolean withTotal) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    if (order.horizonYears() < 1 || order.horizonYears() > 50) {
      throw new InvalidQueryException("horizonYears", "horizonYears must be between 1 and 50");
    }
    if (order.sort() == ProgramSort.RELEVANCE && filter.q() == null) {
      throw new InvalidQueryException("sort", "Sorting by relevance needs a search text q");
    }
    LocalDate today = LocalDate.now(clock);
    String fingerprint = ProgramSqlBuilder.fingerprint(filter, order);
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, fingerprint);
    List<ProgramSearchRepository.Row> rows = search.page(filter, order, after, limit + 1, today);
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<Long> ids = rows.stream().map(ProgramSearchRepository.Row::id).toList();
    List<String> cursors = rows.stream()
        .map(r -> new Cursor(fingerprint, r.sortKey(), r.id()).encode())
        .toList();
    String next = more ? cursors.get(limit - 1) : null;
    long total = -1;
    Map<Facet, Map<String, Long>> counts = Map.of();
    if (withTotal || !facets.isEmpty()) {
      ProgramSearchRepository.Counts c = search.counts(filter, facets, today);
      total = c.total();
      counts = c.facets();
    }
    return new IdPage(ids, cursors, next, total, counts);
  }

  /** The REST list: summaries with the figures the filter's currency, audience and horizon give. */
  @Transactional
  public ProgramPage find(ProgramFilter filter, SortOrder order, String cursor, int limit, Set<Facet> facets) {
    DetailPage page = findDetails(filter, order, cursor, limit, facets, true);
    LocalDate today = LocalDate.now(clock);
    List<ProgramSummary> items = page.items().stream()
        .map(d -> summary(d, filter.priceAudience(), filter.currency(), order.horizonYears(), today))
        .toList();
    Map<String, Map<String, Long>> facetsOut = new LinkedHashMap<>();
    page.facets().forEach((f, values) -> facetsOut.put(f.parameter(), values));
    return new ProgramPage(items, page.nextCursor(), page.totalCount(), facetsOut);
  }

  /** A list item computed from a detail; the cost figures match GET /programs/{slug}/cost. */
  public static ProgramSummary summary(ProgramDetail d, PriceAudience audience, String currency,
      int horizonYears, LocalDate today) {
    CostOfOwnership cost = CostOfOwnershipCalculator.compute(d, horizonYears, audience, currency, today);
    return new ProgramSummary(d.slug(), d.name(), d.acronym(), d.provider(), d.credentialType(), d.level(),
        d.audienceRoles(), d.competencies(), d.deliveryModes(), d.languages(), d.status(),
        cost.initial(), cost.total(), cost.currency(), ProgramMeasures.shortestExamMinutes(d),
        ProgramMeasures.easiestExperienceMonths(d), d.renewal() == null ? null : d.renewal().cycleYears(),
        d.recognition(), d.updatedAt());
  }

}
