package com.credentialcatalog.webhook;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.WebhookStatus;
import com.credentialcatalog.view.webhook.WebhookView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A row of {@code webhook_subscription}; never leaves this package except as a view. */
record Subscription(
    long id,
    String ownerSubject,
    String ownerRole,
    List<String> ownerProviders,
    String targetUrl,
    String secret,
    String description,
    List<String> entityTypes,
    List<String> providerSlugs,
    List<String> programSlugs,
    List<String> operations,
    WebhookStatus status,
    String disabledReason,
    long cursorSeq,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static final String COLUMNS =
      "id, owner_subject, owner_role, owner_providers, target_url, secret, description,"
          + " entity_types, provider_slugs, program_slugs, operations, status, disabled_reason,"
          + " cursor_seq, version, created_at, updated_at";

  static Subscription read(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getLong("id"),
        rs.getString("owner_subject"),
        rs.getString("owner_role"),
        strings(rs.getArray("owner_providers")),
        rs.getString("target_url"),
        rs.getString("secret"),
        rs.getString("description"),
        strings(rs.getArray("entity_types")),
        strings(rs.getArray("provider_slugs")),
        strings(rs.getArray("program_slugs")),
        strings(rs.getArray("operations")),
        WebhookStatus.valueOf(rs.getString("status")),
        rs.getString("disabled_reason"),
        rs.getLong("cursor_seq"),
        rs.getLong("version"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  WebhookView view() {
    return new WebhookView(
        id,
        targetUrl,
        description,
        entityTypes,
        providerSlugs,
        programSlugs,
        operations.stream().map(ChangeOperation::valueOf).toList(),
        status,
        disabledReason,
        cursorSeq,
        ownerSubject,
        version,
        createdAt,
        updatedAt);
  }
}
