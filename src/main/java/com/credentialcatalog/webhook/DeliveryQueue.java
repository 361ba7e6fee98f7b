package com.credentialcatalog.webhook;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.DeliveryKind;
import com.credentialcatalog.view.ChangeEventView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The dispatcher's statements, each in its own short local transaction (never a JTA one, never
 * while a request is sent). A replica holds a subscription through a lease on its row; every write
 * of results checks the lease, the cursor it started from and the status, so a replica that lost
 * its lease, or a subscription replayed, paused or deleted meanwhile, records nothing.
 */
final class DeliveryQueue {

  /**
   * Which events a subscription receives: its filters, and the scope of the token that created it.
   * The role rule of {@link WebhookService} is applied here again, event by event.
   */
  private static final String MATCHES =
      """
       (cardinality(s.entity_types) = 0 OR e.entity_type = ANY (s.entity_types))
       AND (cardinality(s.operations) = 0 OR e.operation = ANY (s.operations))
       AND (cardinality(s.provider_slugs) = 0 OR e.provider_slug = ANY (s.provider_slugs))
       AND (cardinality(s.program_slugs) = 0
            OR (e.entity_type NOT IN ('provider', 'read-model') AND e.slug = ANY (s.program_slugs)))
       AND (s.owner_role = 'catalog-admin'
            OR (s.owner_role = 'provider-editor' AND e.provider_slug = ANY (s.owner_providers))
            OR (s.owner_role = 'recognition-writer' AND e.entity_type = 'recognition-signal'))
      """;

  /** Active, not leased (or the lease expired), and no retry waiting. */
  private static final String CLAIMABLE =
      "s.status = 'ACTIVE' AND (s.lease_until IS NULL OR s.lease_until < clock_timestamp())"
          + " AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= clock_timestamp())";

  private final DataSource ds;
  private final String owner;
  private final String lease;

  DeliveryQueue(DataSource ds, String owner, Duration lease) {
    this.ds = ds;
    this.owner = owner;
    this.lease = lease.toMillis() + " milliseconds";
  }

  /** The oldest undelivered delivery of a subscription, which must succeed before any other. */
  record Head(
      long id,
      long eventSeq,
      String messageId,
      DeliveryKind kind,
      int attempts,
      Instant firstAttemptAt,
      Instant nextAttemptAt) {}

  /** Events after a cursor, and the feed's end when they were read. */
  record Batch(List<ChangeEventView> events, long horizon) {}

  /** One request's outcome. */
  record Attempt(Instant at, Integer responseCode, int durationMs, String error) {
    boolean succeeded() {
      return error == null;
    }
  }

  /**
   * Leases up to {@code max} active subscriptions that have something to send and no retry waiting,
   * least recently served first; rows another replica is claiming are skipped, not waited for.
   */
  List<Subscription> claim(int max) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.id FROM webhook_subscription s WHERE "
                    + CLAIMABLE
                    + " AND (s.cursor_seq < (SELECT coalesce(max(seq), 0) FROM change_event)"
                    + " OR EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.subscription_id ="
                    + " s.id AND d.status = 'PENDING'))"
                    + " ORDER BY s.last_run_at NULLS FIRST, s.id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
          ps.setInt(1, max);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
        }
        List<Subscription> out = new ArrayList<>();
        if (!ids.isEmpty()) {
          // The rows are locked now; this statement's fresh snapshot sees their latest versions, so
          // a lease another replica took since the select started is never taken over.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE webhook_subscription s SET lease_owner = ?,"
                      + " lease_until = now() + ?::interval WHERE s.id = ANY (?) AND "
                      + CLAIMABLE
                      + " RETURNING "
                      + Subscription.COLUMNS)) {
            ps.setString(1, owner);
            ps.setString(2, lease);
            ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Subscription.read(rs));
              }
            }
          }
        }
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  Optional<Head> head(long subscriptionId) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, event_seq, message_id, kind, attempts, first_attempt_at,"
                    + " next_attempt_at FROM webhook_delivery"
                    + " WHERE subscription_id = ? AND status = 'PENDING' ORDER BY id LIMIT 1")) {
      ps.setLong(1, subscriptionId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Head(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                DeliveryKind.valueOf(rs.getString(4)),
                rs.getInt(5),
                instant(rs.getObject(6, OffsetDateTime.class)),
                instant(rs.getObject(7, OffsetDateTime.class))));
      }
    }
  }

  ChangeEventView event(long seq) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, entity_type, slug, operation, occurred_at, actor FROM change_event"
                    + " WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return event(rs);
      }
    }
  }

  /**
   * Up to {@code limit} matching events after {@code cursor}, in feed order. The horizon is read
   * first: events become visible in sequence order (ChangeLog), so every event up to it is either
   * here or does not match, and the cursor may move to it.
   */
  Batch next(long subscriptionId, long cursor, int limit) throws SQLException {
    try (Connection c = ds.getConnection()) {
      long horizon;
      try (PreparedStatement ps =
              c.prepareStatement("SELECT coalesce(max(seq), 0) FROM change_event");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        horizon = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.seq, e.entity_type, e.slug, e.operation, e.occurred_at, e.actor"
                  + " FROM webhook_subscription s JOIN change_event e"
                  + " ON e.seq > ? AND e.seq <= ? WHERE s.id = ? AND "
                  + MATCHES
                  + " ORDER BY e.seq LIMIT ?")) {
        ps.setLong(1, cursor);
        ps.setLong(2, horizon);
        ps.setLong(3, subscriptionId);
        ps.setInt(4, limit);
        List<ChangeEventView> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(event(rs));
          }
        }
        return new Batch(events, horizon);
      }
    }
  }

  /**
   * Records a batch of first attempts: the acknowledged events, then the failed one (if any) as the
   * new head, and moves the cursor.
   *
   * @return false, recording nothing, when the lease, the cursor or the status moved meanwhile
   */
  boolean recordBatch(
      long subscriptionId,
      long expectedCursor,
      long newCursor,
      List<Long> succeeded,
      List<Attempt> attempts,
      Long failedSeq,
      Attempt failed,
      RetrySchedule.Next retry,
      String disabledReason)
      throws SQLException {
    return inTransaction(
        c -> {
          if (!touch(
              c,
              subscriptionId,
              newCursor,
              expectedCursor,
              retry == null ? null : retry.at(),
              disabledReason)) {
            return false;
          }
          if (!succeeded.isEmpty()) {
            insertSucceeded(c, subscriptionId, succeeded, attempts);
          }
          if (failedSeq != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO webhook_delivery (subscription_id, event_seq, message_id, kind,"
                        + " status, attempts, first_attempt_at, last_attempt_at,"
                        + " last_response_code, last_duration_ms, last_error, next_attempt_at)"
                        + " VALUES (?, ?, ?, 'FEED', 'PENDING', 1, ?, ?, ?, ?, ?, ?)")) {
              ps.setLong(1, subscriptionId);
              ps.setLong(2, failedSeq);
              ps.setString(3, WebhookService.messageId(subscriptionId, failedSeq));
              ps.setTimestamp(4, Timestamp.from(failed.at()));
              ps.setTimestamp(5, Timestamp.from(failed.at()));
              ps.setObject(6, failed.responseCode());
              ps.setInt(7, failed.durationMs());
              ps.setString(8, failed.error());
              ps.setTimestamp(
                  9, retry == null || retry.at() == null ? null : Timestamp.from(retry.at()));
              ps.executeUpdate();
            }
          }
          return true;
        });
  }

  /**
   * Records an attempt of the head; an acknowledged FEED delivery moves the cursor to its event.
   *
   * @return false, recording nothing, when the lease or the status moved, or the head was dropped
   */
  boolean recordHead(
      long subscriptionId,
      long expectedCursor,
      Head head,
      Attempt attempt,
      RetrySchedule.Next retry,
      String disabledReason)
      throws SQLException {
    long newCursor =
        attempt.succeeded() && head.kind() == DeliveryKind.FEED
            ? Math.max(expectedCursor, head.eventSeq())
            : expectedCursor;
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE webhook_delivery SET attempts = attempts + 1, status = ?,"
                      + " first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?,"
                      + " last_response_code = ?, last_duration_ms = ?, last_error = ?,"
                      + " next_attempt_at = ? WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, attempt.succeeded() ? "SUCCEEDED" : "PENDING");
            ps.setTimestamp(2, Timestamp.from(attempt.at()));
            ps.setTimestamp(3, Timestamp.from(attempt.at()));
            ps.setObject(4, attempt.responseCode());
            ps.setInt(5, attempt.durationMs());
            ps.setString(6, attempt.error());
            ps.setTimestamp(
                7, retry == null || retry.at() == null ? null : Timestamp.from(retry.at()));
            ps.setLong(8, head.id());
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          return touch(
              c,
              subscriptionId,
              newCursor,
              expectedCursor,
              retry == null ? null : retry.at(),
              disabledReason);
        });
  }

  /** Gives the subscription back; {@code nextAttempt} keeps it from being claimed before then. */
  void release(long subscriptionId, Instant nextAttempt) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE webhook_subscription SET lease_owner = NULL, lease_until = NULL,"
                    + " last_run_at = now(), next_attempt_at = ? WHERE id = ? AND lease_owner = ?")) {
      ps.setTimestamp(1, nextAttempt == null ? null : Timestamp.from(nextAttempt));
      ps.setLong(2, subscriptionId);
      ps.setString(3, owner);
      ps.executeUpdate();
    }
  }

  /** Deletes acknowledged deliveries older than {@code retention}, a bounded number at a time. */
  int prune(Duration retention) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
                    + " WHERE status <> 'PENDING' AND created_at < now() - ?::interval LIMIT 10000)")) {
      ps.setString(1, retention.toMillis() + " milliseconds");
      return ps.executeUpdate();
    }
  }

  /**
   * Moves the cursor and renews the lease, if this replica still holds it, the cursor is where this
   * replica left it and the subscription is active; disables it with {@code disabledReason}.
   */
  private boolean touch(
      Connection c,
      long subscriptionId,
      long newCursor,
      long expectedCursor,
      Instant nextAttempt,
      String disabledReason)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE webhook_subscription SET cursor_seq = ?, next_attempt_at = ?, lease_until = now() + ?::interval,"
                + " status = CASE WHEN ?::text IS NULL THEN status ELSE 'DISABLED' END,"
                + " disabled_reason = ?::text"
                + " WHERE id = ? AND lease_owner = ? AND cursor_seq = ? AND status = 'ACTIVE'")) {
      ps.setLong(1, newCursor);
      ps.setTimestamp(2, nextAttempt == null ? null : Timestamp.from(nextAttempt));
      ps.setString(3, lease);
      ps.setString(4, disabledReason);
      ps.setString(5, disabledReason);
      ps.setLong(6, subscriptionId);
      ps.setString(7, owner);
      ps.setLong(8, expectedCursor);
      return ps.executeUpdate() > 0;
    }
  }

  /**
   * The log rows of acknowledged first attempts, in one statement: arrays bound once and unnested
   * by the server, instead of a statement per delivery.
   */
  private static void insertSucceeded(
      Connection c, long subscriptionId, List<Long> seqs, List<Attempt> attempts)
      throws SQLException {
    int n = seqs.size();
    Long[] seq = new Long[n];
    String[] messageId = new String[n];
    Long[] atMicros = new Long[n];
    Integer[] code = new Integer[n];
    Integer[] ms = new Integer[n];
    for (int i = 0; i < n; i++) {
      Attempt a = attempts.get(i);
      seq[i] = seqs.get(i);
      messageId[i] = WebhookService.messageId(subscriptionId, seq[i]);
      atMicros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, a.at());
      code[i] = a.responseCode();
      ms[i] = a.durationMs();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO webhook_delivery (subscription_id, event_seq, message_id, kind, status,"
                + " attempts, first_attempt_at, last_attempt_at, last_response_code,"
                + " last_duration_ms)"
                + " SELECT ?, u.seq, u.message_id, 'FEED', 'SUCCEEDED', 1, u.at, u.at, u.code, u.ms"
                + " FROM (SELECT seq, message_id,"
                + " timestamptz 'epoch' + micros * interval '1 microsecond' AS at, code, ms"
                + " FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::int[], ?::int[])"
                + " AS t (seq, message_id, micros, code, ms)) u")) {
      ps.setLong(1, subscriptionId);
      ps.setArray(2, c.createArrayOf("bigint", seq));
      ps.setArray(3, c.createArrayOf("text", messageId));
      ps.setArray(4, c.createArrayOf("bigint", atMicros));
      ps.setArray(5, c.createArrayOf("int4", code));
      ps.setArray(6, c.createArrayOf("int4", ms));
      ps.executeUpdate();
    }
  }

  private interface Work {
    boolean on(Connection c) throws SQLException;
  }

  private boolean inTransaction(Work work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean done = work.on(c);
        if (done) {
          c.commit();
        } else {
          c.rollback();
        }
        return done;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static ChangeEventView event(ResultSet rs) throws SQLException {
    return new ChangeEventView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        ChangeOperation.valueOf(rs.getString(4)),
        rs.getObject(5, OffsetDateTime.class),
        rs.getString(6));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
