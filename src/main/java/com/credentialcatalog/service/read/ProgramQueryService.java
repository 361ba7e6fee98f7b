package com.credentialcatalog.service.read;

import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProgramSort;
import com.credentialcatalog.query.ProgramSqlBuilder;
import com.credentialcatalog.query.SortOrder;
import com.credentialcatalog.repository.ProgramDetailReader;
import com.credentialcatalog.repository.ProgramSearchRepository;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.view.DecimalRange;
import com.credentialcatalog.view.PrebuiltJson;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Program lists for both adapters: filter, sort, keyset pages, totals and facets, over the read
 * model. A page is one statement (its items carry what a list item or a GraphQL node shows), and
 * the counts one more, only when asked for. No transaction: each is a single read-only statement.
 */
@ApplicationScoped
public class ProgramQueryService {

  public static final int MAX_LIMIT = Bounds.MAX_PAGE_SIZE;

  private final ProgramSearchRepository search;
  private final ProgramDetailReader details;
  private final Clock clock;

  public ProgramQueryService(
      ProgramSearchRepository search, ProgramDetailReader details, Clock clock) {
    this.search = search;
    this.details = details;
    this.clock = clock;
  }

  /**
   * A page of matching program details, in order, with the cursor of the next page.
   *
   * @param cursors per item, the cursor that resumes right after it (Relay edge cursors)
   */
  public record DetailPage(
      List<ProgramDetail> items,
      String nextCursor,
      long totalCount,
      Map<Facet, Map<String, Long>> facets,
      List<String> cursors) {}

  /**
   * A page of matching programs as read-model rows, in order.
   *
   * @param cursors per row, the cursor that resumes right after it
   * @param totalCount -1 when not asked for
   */
  public record RowPage(
      List<ProgramSearchRepository.Row> rows,
      List<String> cursors,
      String nextCursor,
      long totalCount,
      Map<Facet, Map<String, Long>> facets) {}

  /**
   * Finds programs with their full detail.
   *
   * @param cursor the nextCursor of the previous page, or null for the first
   * @param limit 1–{@value #MAX_LIMIT}
   * @param facets fields to count values of over the whole filtered set
   * @param withTotal whether to count the filtered set (a second statement)
   * @throws InvalidInputException on a bad limit, a foreign cursor or relevance without q
   */
  public DetailPage findDetails(
      ProgramFilter filter,
      SortOrder order,
      String cursor,
      int limit,
      Set<Facet> facets,
      boolean withTotal) {
    RowPage page = findRows(filter, order, cursor, limit, facets, withTotal, true);
    List<ProgramDetail> items = page.rows().stream().map(r -> details.parse(r.detail())).toList();
    return new DetailPage(
        items, page.nextCursor(), page.totalCount(), page.facets(), page.cursors());
  }

  /**
   * Finds matching programs: the page statement and, when asked for, the counts.
   *
   * @param withDetail whether the rows carry each program's detail JSON
   * @throws InvalidInputException as {@link #findDetails}
   */
  public RowPage findRows(
      ProgramFilter filter,
      SortOrder order,
      String cursor,
      int limit,
      Set<Facet> facets,
      boolean withTotal,
      boolean withDetail) {
    Bounds.pageSize(limit);
    Bounds.horizonYears(order.horizonYears());
    if (order.sort() == ProgramSort.RELEVANCE && filter.q() == null) {
      throw ProgramSort.relevanceWithoutText();
    }
    LocalDate today = LocalDate.now(clock);
    String fingerprint = ProgramSqlBuilder.fingerprint(filter, order);
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, fingerprint);
    // The total rides on the page statement; facets (which give the total too) need their own.
    boolean totalWithPage = withTotal && facets.isEmpty();
    List<ProgramSearchRepository.Row> rows =
        search.page(filter, order, after, limit + 1, today, withDetail, totalWithPage);
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<String> cursors = new EdgeCursors(rows, fingerprint);
    String next = more ? cursors.get(limit - 1) : null;
    long total = -1;
    Map<Facet, Map<String, Long>> counts = Map.of();
    if (totalWithPage && !rows.isEmpty()) {
      total = rows.get(0).totalCount();
    } else if (totalWithPage && after == null) {
      total = 0;
    } else if (withTotal || !facets.isEmpty()) {
      ProgramSearchRepository.Counts c = search.counts(filter, facets, today);
      total = withTotal ? c.total() : -1;
      counts = c.facets();
    }
    return new RowPage(rows, cursors, next, total, counts);
  }

  /**
   * The REST list: summaries with the figures the filter's currency, audience and horizon give, and
   * the size of the filtered set.
   *
   * @throws InvalidInputException as {@link #findDetails}
   */
  public ProgramPage find(
      ProgramFilter filter, SortOrder order, String cursor, int limit, Set<Facet> facets) {
    RowPage page = findRows(filter, order, cursor, limit, facets, true, false);
    List<PrebuiltJson> items =
        page.rows().stream().map(r -> item(r, filter.currency(), order.horizonYears())).toList();
    Map<String, Map<String, Long>> facetsOut = new LinkedHashMap<>();
    page.facets().forEach((f, values) -> facetsOut.put(f.parameter(), values));
    return new ProgramPage(items, page.nextCursor(), page.totalCount(), facetsOut);
  }

  /**
   * The cursor after each row, sealed only when asked for: a REST page shows only the last one, and
   * sealing (an HMAC each) was a fifth of a list's server time when done for every row.
   */
  private static final class EdgeCursors extends AbstractList<String> {
    private final List<ProgramSearchRepository.Row> rows;
    private final String fingerprint;
    private final String[] sealed;

    EdgeCursors(List<ProgramSearchRepository.Row> rows, String fingerprint) {
      this.rows = rows;
      this.fingerprint = fingerprint;
      this.sealed = new String[rows.size()];
    }

    @Override
    public String get(int index) {
      String cursor = sealed[index];
      if (cursor == null) {
        ProgramSearchRepository.Row r = rows.get(index);
        cursor = new Cursor(fingerprint, r.sortKey(), r.id()).encode();
        sealed[index] = cursor;
      }
      return cursor;
    }

    @Override
    public int size() {
      return rows.size();
    }
  }

  /**
   * A list item from its read-model row: the prebuilt pieces around the figures of the filter's
   * currency, audience and horizon, which match GET /programs/{slug}/cost.
   */
  static PrebuiltJson item(ProgramSearchRepository.Row r, String currency, int horizonYears) {
    CostOfOwnershipCalculator.Figures cost =
        CostOfOwnershipCalculator.figures(
            r.initialMin(),
            r.initialMax(),
            r.renewalMin(),
            r.renewalMax(),
            r.renewalCycleMin(),
            r.renewalCycleMax(),
            horizonYears);
    StringBuilder json =
        new StringBuilder(r.summaryHead().length() + r.summaryTail().length() + 120)
            .append(r.summaryHead())
            .append(", \"initialCost\" : ");
    range(json, cost.initial()).append(", \"costOfOwnership\" : ");
    range(json, cost.total()).append(", \"currency\" : ");
    // An ISO 4217 code (the filter checked it): nothing in it needs escaping.
    (currency == null ? json.append("null") : json.append('"').append(currency).append('"'))
        .append(", ");
    return new PrebuiltJson(json.append(r.summaryTail()).toString());
  }

  /** A DecimalRange as Jackson writes it: BigDecimal's toString, unknown ends null. */
  private static StringBuilder range(StringBuilder json, DecimalRange range) {
    if (range == null) {
      return json.append("null");
    }
    return json.append("{\"min\" : ")
        .append(range.min())
        .append(", \"max\" : ")
        .append(range.max())
        .append('}');
  }
}
