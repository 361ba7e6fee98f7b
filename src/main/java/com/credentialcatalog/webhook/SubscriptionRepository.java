package com.credentialcatalog.webhook;

import com.credentialcatalog.domain.DeliveryKind;
import com.credentialcatalog.domain.DeliveryStatus;
import com.credentialcatalog.domain.WebhookStatus;
import com.credentialcatalog.view.webhook.DeliveryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The subscription side of the webhook tables, in the caller's (JTA) transaction. What the
 * dispatcher reads and writes is in {@link DeliveryQueue}.
 */
@ApplicationScoped
class SubscriptionRepository {

  private final DataSource ds;

  SubscriptionRepository(DataSource ds) {
    this.ds = ds;
  }

  /** The filters and target a subscription's owner sets. */
  record Settings(
      String targetUrl,
      String description,
      List<String> entityTypes,
      List<String> providerSlugs,
      List<String> programSlugs,
      List<String> operations) {}

  long insert(
      String ownerSubject,
      String ownerRole,
      List<String> ownerProviders,
      String secret,
      Settings s) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO webhook_subscription (owner_subject, owner_role, owner_providers,"
                      + " secret, target_url, description, entity_types, provider_slugs,"
                      + " program_slugs, operations, cursor_seq)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " (SELECT coalesce(max(seq), 0) FROM change_event)) RETURNING id")) {
            ps.setString(1, ownerSubject);
            ps.setString(2, ownerRole);
            ps.setArray(3, c.createArrayOf("text", ownerProviders.toArray()));
            ps.setString(4, secret);
            bindSettings(c, ps, 5, s);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  Optional<Subscription> find(long id) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + Subscription.COLUMNS + " FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(Subscription.read(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Subscriptions of {@code ownerSubject}, or everyone's for null, oldest first, from the one after
   * {@code afterId} (null: from the first).
   */
  List<Subscription> list(String ownerSubject, Long afterId, int limit) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Subscription.COLUMNS
                      + " FROM webhook_subscription WHERE (?::text IS NULL OR owner_subject = ?)"
                      + " AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, ownerSubject);
            ps.setString(2, ownerSubject);
            ps.setLong(3, afterId == null ? 0 : afterId);
            ps.setInt(4, limit);
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Subscription.read(rs));
              }
            }
            return out;
          }
        });
  }

  /** Replaces the settings; false when {@code expectedVersion} is not the current one. */
  boolean update(long id, long expectedVersion, Settings s) {
    return changed(
        "UPDATE webhook_subscription SET target_url = ?, description = ?, entity_types = ?,"
            + " provider_slugs = ?, program_slugs = ?, operations = ?, version = version + 1,"
            + " updated_at = now() WHERE id = ? AND version = ?",
        (c, ps) -> {
          bindSettings(c, ps, 1, s);
          ps.setLong(7, id);
          ps.setLong(8, expectedVersion);
        });
  }

  boolean replaceSecret(long id, long expectedVersion, String secret) {
    return changed(
        "UPDATE webhook_subscription SET secret = ?, version = version + 1, updated_at = now()"
            + " WHERE id = ? AND version = ?",
        (c, ps) -> {
          ps.setString(1, secret);
          ps.setLong(2, id);
          ps.setLong(3, expectedVersion);
        });
  }

  /**
   * Sets the status; a resume also gives the event that waits (if any) a fresh retry period, since
   * its receiver was presumably mended.
   */
  boolean setStatus(long id, long expectedVersion, WebhookStatus status) {
    boolean done =
        changed(
            "UPDATE webhook_subscription SET status = ?, disabled_reason = NULL,"
                + " next_attempt_at = NULL, version = version + 1, updated_at = now()"
                + " WHERE id = ? AND version = ?",
            (c, ps) -> {
              ps.setString(1, status.name());
              ps.setLong(2, id);
              ps.setLong(3, expectedVersion);
            });
    if (done && status == WebhookStatus.ACTIVE) {
      changed(
          "UPDATE webhook_delivery SET first_attempt_at = NULL, next_attempt_at = NULL"
              + " WHERE subscription_id = ? AND status = 'PENDING'",
          (c, ps) -> ps.setLong(1, id));
    }
    return done;
  }

  boolean delete(long id, long expectedVersion) {
    return changed(
        "DELETE FROM webhook_subscription WHERE id = ? AND version = ?",
        (c, ps) -> {
          ps.setLong(1, id);
          ps.setLong(2, expectedVersion);
        });
  }

  /**
   * Sends the events from {@code fromSeq} on again: drops what waits, moves the cursor back.
   * Deliveries a replica is sending right now are not recorded (their cursor no longer matches).
   */
  boolean replay(long id, long fromSeq) {
    boolean done =
        changed(
            "UPDATE webhook_subscription SET cursor_seq = ?, next_attempt_at = NULL,"
                + " version = version + 1, updated_at = now() WHERE id = ?",
            (c, ps) -> {
              ps.setLong(1, fromSeq - 1);
              ps.setLong(2, id);
            });
    changed(
        "UPDATE webhook_delivery SET status = 'CANCELLED', next_attempt_at = NULL"
            + " WHERE subscription_id = ? AND status = 'PENDING'",
        (c, ps) -> ps.setLong(1, id));
    return done;
  }

  long latestSeq() {
    return run(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT coalesce(max(seq), 0) FROM change_event");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Newest first, ids below {@code before} (null: from the newest). */
  List<DeliveryView> deliveries(long subscriptionId, Long before, int limit) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM webhook_delivery WHERE subscription_id = ?"
                      + " AND (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?")) {
            ps.setLong(1, subscriptionId);
            ps.setObject(2, before);
            ps.setObject(3, before);
            ps.setInt(4, limit);
            List<DeliveryView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(delivery(rs));
              }
            }
            return out;
          }
        });
  }

  Optional<DeliveryView> delivery(long subscriptionId, long deliveryId) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM webhook_delivery WHERE subscription_id = ? AND id = ?")) {
            ps.setLong(1, subscriptionId);
            ps.setLong(2, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
          }
        });
  }

  /** A new delivery of an event already sent, with the same webhook-id. */
  DeliveryView redeliver(long subscriptionId, long eventSeq, String messageId) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO webhook_delivery (subscription_id, event_seq, message_id, kind,"
                      + " status) VALUES (?, ?, ?, ?, ?) RETURNING *")) {
            ps.setLong(1, subscriptionId);
            ps.setLong(2, eventSeq);
            ps.setString(3, messageId);
            ps.setString(4, DeliveryKind.REDELIVERY.name());
            ps.setString(5, DeliveryStatus.PENDING.name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return delivery(rs);
            }
          }
        });
  }

  /** Provider slug of each program among {@code programSlugs} (null for one without provider). */
  Map<String, String> programProviders(List<String> programSlugs) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.slug, pv.slug FROM program p LEFT JOIN provider pv"
                      + " ON pv.id = p.provider_id WHERE p.slug = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", programSlugs.toArray()));
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
            return out;
          }
        });
  }

  List<String> existingProviders(List<String> providerSlugs) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT slug FROM provider WHERE slug = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", providerSlugs.toArray()));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  static DeliveryView delivery(ResultSet rs) throws SQLException {
    return new DeliveryView(
        rs.getLong("id"),
        rs.getLong("event_seq"),
        rs.getString("message_id"),
        DeliveryKind.valueOf(rs.getString("kind")),
        DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getObject("first_attempt_at", OffsetDateTime.class),
        rs.getObject("last_attempt_at", OffsetDateTime.class),
        (Integer) rs.getObject("last_response_code"),
        (Integer) rs.getObject("last_duration_ms"),
        rs.getString("last_error"),
        rs.getObject("next_attempt_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  private static void bindSettings(Connection c, PreparedStatement ps, int from, Settings s)
      throws SQLException {
    ps.setString(from, s.targetUrl());
    ps.setString(from + 1, s.description());
    ps.setArray(from + 2, c.createArrayOf("text", s.entityTypes().toArray()));
    ps.setArray(from + 3, c.createArrayOf("text", s.providerSlugs().toArray()));
    ps.setArray(from + 4, c.createArrayOf("text", s.programSlugs().toArray()));
    ps.setArray(from + 5, c.createArrayOf("text", s.operations().toArray()));
  }

  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private interface Binder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  private boolean changed(String sql, Binder binder) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            return ps.executeUpdate() > 0;
          }
        });
  }

  private <T> T run(Work<T> work) {
    try (Connection c = ds.getConnection()) {
      return work.on(c);
    } catch (SQLException e) {
      throw new WebhookStoreException(e);
    }
  }
}
