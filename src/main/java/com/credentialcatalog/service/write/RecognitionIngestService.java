package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.domain.RequirementLevel;
import com.credentialcatalog.observability.CatalogMetrics;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.service.ChangeLog;
import com.credentialcatalog.view.IngestReport;
import com.credentialcatalog.view.IngestReport.Item;
import com.credentialcatalog.view.IngestReport.Outcome;
import com.credentialcatalog.write.ObservationBatch.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Upserts recognition observations on their natural key, so a retried batch changes nothing. Items
 * are checked one by one; valid ones are stored even when others are rejected. Created and updated
 * signals append change events in the same transaction.
 */
@ApplicationScoped
public class RecognitionIngestService {

  private static final Pattern REGION = Pattern.compile(Bounds.REGION_PATTERN);
  private static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");

  private final EntityManager em;
  private final ChangeLog changeLog;
  private final CatalogMetrics metrics;

  public RecognitionIngestService(EntityManager em, ChangeLog changeLog, CatalogMetrics metrics) {
    this.em = em;
    this.changeLog = changeLog;
    this.metrics = metrics;
  }

  /**
   * Stores a batch.
   *
   * @param submittedBy the token subject, kept on each signal
   */
  @Transactional
  public IngestReport ingest(List<Observation> batch, String submittedBy) {
    Map<String, Long> programIds = programIds(batch);
    Item[] items = new Item[batch.size()];
    List<Integer> valid = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Observation o = batch.get(i);
      String reason = problem(o, programIds);
      if (reason == null && !keys.add(naturalKey(o))) {
        reason =
            "duplicates an earlier item of this batch (same program, kind, source, region, period and requirement level)";
      }
      if (reason != null) {
        items[i] = new Item(i, Outcome.REJECTED, o.program(), reason);
      } else {
        valid.add(i);
      }
    }
    Map<Integer, Boolean> written = upsert(batch, valid, programIds, submittedBy);
    for (int i : valid) {
      Boolean inserted = written.get(i);
      Outcome outcome =
          inserted == null ? Outcome.UNCHANGED : inserted ? Outcome.CREATED : Outcome.UPDATED;
      items[i] = new Item(i, outcome, batch.get(i).program(), null);
      if (inserted != null) {
        changeLog.record(
            "recognition-signal",
            batch.get(i).program(),
            inserted ? ChangeOperation.CREATE : ChangeOperation.UPDATE,
            submittedBy);
      }
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    for (Item item : items) {
      switch (item.status()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case REJECTED -> rejected++;
      }
    }
    metrics.ingest("created", created);
    metrics.ingest("updated", updated);
    metrics.ingest("unchanged", unchanged);
    metrics.ingest("rejected", rejected);
    return new IngestReport(created, updated, unchanged, rejected, List.of(items));
  }

  private Map<String, Long> programIds(List<Observation> batch) {
    Set<String> slugs = new HashSet<>();
    batch.forEach(
        o -> {
          if (o.program() != null) {
            slugs.add(o.program());
          }
        });
    Map<String, Long> ids = new HashMap<>();
    if (!slugs.isEmpty()) {
      em.createQuery("select p.slug, p.id from Program p where p.slug in :slugs", Object[].class)
          .setParameter("slugs", slugs)
          .getResultList()
          .forEach(r -> ids.put((String) r[0], (Long) r[1]));
    }
    return ids;
  }

  /** Why an observation cannot be stored, or null when it can. */
  static String problem(Observation o, Map<String, Long> programIds) {
    if (o.malformed() != null) {
      return o.malformed();
    }
    if (o.program() == null || !programIds.containsKey(o.program())) {
      return o.program() == null ? "program is required" : "unknown program '" + o.program() + "'";
    }
    if (o.kind() == null || !isOneOf(o.kind(), RecognitionKind.class)) {
      return "kind must be one of " + List.of(RecognitionKind.values());
    }
    if (o.requirementLevel() == null || !isOneOf(o.requirementLevel(), RequirementLevel.class)) {
      return "requirementLevel must be one of " + List.of(RequirementLevel.values());
    }
    if (o.sourceName() == null || o.sourceName().isBlank() || o.sourceName().length() > 200) {
      return "sourceName is required (at most 200 characters)";
    }
    if (o.region() == null || !REGION.matcher(o.region()).matches()) {
      return "region must be an ISO 3166 alpha-2 code or GLOBAL";
    }
    if (o.periodStart() == null
        || o.periodEnd() == null
        || o.periodStart().isAfter(o.periodEnd())) {
      return "periodStart and periodEnd are required, periodStart not after periodEnd";
    }
    if (o.postingsMatched() != null && o.postingsMatched() < 0
        || o.postingsScanned() != null && o.postingsScanned() < 0) {
      return "postings counts must not be negative";
    }
    if (o.postingsMatched() != null
        && o.postingsScanned() != null
        && o.postingsMatched() > o.postingsScanned()) {
      return "postingsMatched must not exceed postingsScanned";
    }
    if (o.sourceUrl() != null && !URL.matcher(o.sourceUrl()).matches()
        || o.evidenceUrl() != null && !URL.matcher(o.evidenceUrl()).matches()) {
      return "sourceUrl and evidenceUrl must be http(s) URLs";
    }
    return null;
  }

  private static <E extends Enum<E>> boolean isOneOf(String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String naturalKey(Observation o) {
    return String.join(
        "\u0000",
        o.program(),
        o.kind(),
        o.sourceName(),
        o.region(),
        o.periodStart().toString(),
        o.periodEnd().toString(),
        o.requirementLevel());
  }

  /**
   * One INSERT … ON CONFLICT for the valid items; returns, per item index written, true when
   * created and false when updated. Items whose stored values already equal theirs are absent.
   */
  private Map<Integer, Boolean> upsert(
      List<Observation> batch,
      List<Integer> valid,
      Map<String, Long> programIds,
      String submittedBy) {
    Map<Integer, Boolean> result = new HashMap<>();
    if (valid.isEmpty()) {
      return result;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO recognition_signal AS s (program_id, kind,"
                + " source_name, source_url, region, period_start, period_end, requirement_level,"
                + " postings_matched, postings_scanned, observed_at, evidence_url, submitted_by) VALUES ");
    for (int n = 0; n < valid.size(); n++) {
      sql.append(n == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }
    sql.append(
        " ON CONFLICT ON CONSTRAINT recognition_natural_key DO UPDATE SET"
            + " source_url = EXCLUDED.source_url, postings_matched = EXCLUDED.postings_matched,"
            + " postings_scanned = EXCLUDED.postings_scanned, observed_at = EXCLUDED.observed_at,"
            + " evidence_url = EXCLUDED.evidence_url, submitted_by = EXCLUDED.submitted_by,"
            + " version = s.version + 1"
            // A retry with the same figures is not an update: leave the row (and the feed) alone.
            + " WHERE (s.source_url, s.postings_matched, s.postings_scanned, s.evidence_url)"
            + " IS DISTINCT FROM (EXCLUDED.source_url, EXCLUDED.postings_matched,"
            + " EXCLUDED.postings_scanned, EXCLUDED.evidence_url)"
            + " RETURNING s.program_id, s.kind, s.source_name, s.region, s.period_start, s.period_end,"
            + " s.requirement_level, (xmax = 0) AS inserted");
    Map<String, Integer> indexByKey = new HashMap<>();
    for (int i : valid) {
      indexByKey.put(naturalKey(batch.get(i)), i);
    }
    Map<Long, String> slugById = new HashMap<>();
    programIds.forEach((slug, id) -> slugById.put(id, slug));
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                OffsetDateTime now = OffsetDateTime.now();
                for (int i : valid) {
                  Observation o = batch.get(i);
                  ps.setLong(p++, programIds.get(o.program()));
                  ps.setString(p++, o.kind());
                  ps.setString(p++, o.sourceName());
                  ps.setString(p++, o.sourceUrl());
                  ps.setString(p++, o.region());
                  ps.setObject(p++, o.periodStart());
                  ps.setObject(p++, o.periodEnd());
                  ps.setString(p++, o.requirementLevel());
                  ps.setObject(p++, o.postingsMatched());
                  ps.setObject(p++, o.postingsScanned());
                  ps.setTimestamp(
                      p++,
                      Timestamp.from((o.observedAt() != null ? o.observedAt() : now).toInstant()));
                  ps.setString(p++, o.evidenceUrl());
                  ps.setString(p++, submittedBy);
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    String key =
                        String.join(
                            "\u0000",
                            slugById.get(rs.getLong(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getDate(5).toLocalDate().toString(),
                            rs.getDate(6).toLocalDate().toString(),
                            rs.getString(7));
                    result.put(indexByKey.get(key), rs.getBoolean(8));
                  }
                }
              }
            });
    return result;
  }
}
