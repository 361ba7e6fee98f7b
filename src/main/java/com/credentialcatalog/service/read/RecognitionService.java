package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.domain.RecognitionSignal;
import com.credentialcatalog.domain.RequirementLevel;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.view.RecognitionReport;
import com.credentialcatalog.view.RecognitionSignalView;
import com.credentialcatalog.view.RecognitionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads recognition signals: per program with a monthly series, and summaries for many programs.
 */
@ApplicationScoped
public class RecognitionService {

  private final EntityManager em;
  private final ProgramRepository programs;

  public RecognitionService(EntityManager em, ProgramRepository programs) {
    this.em = em;
    this.programs = programs;
  }

  /**
   * A program's signals, filtered, and the monthly posting share per region and requirement level.
   *
   * @param from signals whose period ends on or after this date
   * @param to signals whose period starts on or before this date
   * @throws NotFoundException when no program has this slug
   */
  @Transactional
  public RecognitionReport report(
      String slug, String region, RecognitionKind kind, LocalDate from, LocalDate to) {
    Program program =
        programs.findBySlug(slug).orElseThrow(() -> new NotFoundException("program", slug));
    if (from != null && to != null && from.isAfter(to)) {
      throw InvalidInputException.of(
          "from", InvalidInputException.Kind.INCONSISTENT, "{from} must not be after {to}");
    }
    StringBuilder jpql = new StringBuilder("from RecognitionSignal s where s.program.id = :id");
    Map<String, Object> params = new HashMap<>();
    params.put("id", program.id);
    if (region != null) {
      jpql.append(" and s.region = :region");
      params.put("region", region);
    }
    if (kind != null) {
      jpql.append(" and s.kind = :kind");
      params.put("kind", kind);
    }
    if (from != null) {
      jpql.append(" and s.periodEnd >= :from");
      params.put("from", from);
    }
    if (to != null) {
      jpql.append(" and s.periodStart <= :to");
      params.put("to", to);
    }
    jpql.append(" order by s.periodStart, s.region, s.requirementLevel, s.kind, s.sourceName");
    var query = em.createQuery(jpql.toString(), RecognitionSignal.class);
    params.forEach(query::setParameter);
    List<RecognitionSignal> signals = query.getResultList();

    Map<String, Map<String, long[]>> byLine = new LinkedHashMap<>();
    for (RecognitionSignal s : signals) {
      if (s.kind != RecognitionKind.JOB_POSTING_MENTIONS
          || s.postingsScanned == null
          || s.postingsMatched == null
          || s.postingsScanned == 0) {
        continue;
      }
      String line = s.region + "|" + s.requirementLevel.name();
      String month = s.periodStart.toString().substring(0, 7);
      long[] sums =
          byLine
              .computeIfAbsent(line, k -> new java.util.TreeMap<>())
              .computeIfAbsent(month, k -> new long[2]);
      sums[0] += s.postingsMatched;
      sums[1] += s.postingsScanned;
    }
    List<RecognitionReport.Series> series = new ArrayList<>();
    byLine.forEach(
        (line, months) -> {
          String[] parts = line.split("\\|");
          List<RecognitionReport.Point> points = new ArrayList<>();
          months.forEach(
              (month, sums) ->
                  points.add(
                      new RecognitionReport.Point(
                          month, sums[0], sums[1], share(sums[0], sums[1]))));
          series.add(
              new RecognitionReport.Series(parts[0], RequirementLevel.valueOf(parts[1]), points));
        });
    return new RecognitionReport(
        slug,
        summaries(List.of(program.id)).get(program.id),
        signals.stream().map(RecognitionService::view).toList(),
        series);
  }

  /** Summaries for many programs in one statement; programs without signals get an empty one. */
  @Transactional
  public Map<Long, RecognitionSummary> summaries(Collection<Long> programIds) {
    Map<Long, RecognitionSummary> result = new HashMap<>();
    if (programIds.isEmpty()) {
      return result;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT program_id, count(*),"
                    + " array_to_string(array_agg(DISTINCT region ORDER BY region), ','),"
                    + " array_to_string(array_agg(DISTINCT kind ORDER BY kind), ','),"
                    + " sum(postings_matched) FILTER (WHERE kind = 'JOB_POSTING_MENTIONS' AND postings_scanned > 0),"
                    + " sum(postings_scanned) FILTER (WHERE kind = 'JOB_POSTING_MENTIONS' AND postings_scanned > 0 AND postings_matched IS NOT NULL),"
                    + " max(period_end) FROM recognition_signal WHERE program_id = ANY(CAST(?1 AS bigint[]))"
                    + " GROUP BY program_id")
            .setParameter(1, programIds.toArray(Long[]::new))
            .getResultList();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      Number matched = (Number) r[4];
      Number scanned = (Number) r[5];
      result.put(
          id,
          new RecognitionSummary(
              ((Number) r[1]).longValue(),
              split((String) r[2]),
              split((String) r[3]),
              matched == null || scanned == null
                  ? null
                  : share(matched.longValue(), scanned.longValue()),
              r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6]));
    }
    for (Long id : programIds) {
      result.putIfAbsent(id, new RecognitionSummary(0, List.of(), List.of(), null, null));
    }
    return result;
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static BigDecimal share(long matched, long scanned) {
    return scanned == 0
        ? null
        : BigDecimal.valueOf(matched).divide(BigDecimal.valueOf(scanned), 4, RoundingMode.HALF_UP);
  }

  private static RecognitionSignalView view(RecognitionSignal s) {
    return new RecognitionSignalView(
        s.kind,
        s.sourceName,
        s.sourceUrl,
        s.region,
        s.periodStart,
        s.periodEnd,
        s.requirementLevel,
        s.postingsMatched,
        s.postingsScanned,
        s.observedAt,
        s.evidenceUrl,
        s.submittedBy);
  }
}
