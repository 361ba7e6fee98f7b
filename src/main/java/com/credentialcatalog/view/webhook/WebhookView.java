package com.credentialcatalog.view.webhook;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.WebhookStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as its owner sees it; the secret is never part of it. */
@Schema(
    name = "Webhook",
    requiredProperties = {
      "id",
      "targetUrl",
      "entityTypes",
      "providerSlugs",
      "programSlugs",
      "operations",
      "status",
      "cursorSeq",
      "owner",
      "version",
      "createdAt",
      "updatedAt"
    },
    description = "A webhook subscription: where matching change events are POSTed, signed.")
@Type("Webhook")
public record WebhookView(
    @Id @Schema(examples = "7") long id,
    @NonNull @Schema(examples = "https://partner.example/hooks/catalog") String targetUrl,
    @Schema(examples = "CRM sync") String description,
    @NonNull @Schema(examples = "[\"program\", \"price\"]") List<@NonNull String> entityTypes,
    @NonNull @Schema(examples = "[\"cxpa\"]") List<@NonNull String> providerSlugs,
    @NonNull @Schema(examples = "[]") List<@NonNull String> programSlugs,
    @NonNull @Schema(examples = "[\"CREATE\", \"UPDATE\"]")
        List<@NonNull ChangeOperation> operations,
    @NonNull @Schema(examples = "ACTIVE") WebhookStatus status,
    @Schema(
            description = "Why the dispatcher disabled it (status DISABLED only)",
            examples = "Event 42 was not acknowledged for 25h (31 attempts); last answer: HTTP 503")
        String disabledReason,
    @Schema(
            description =
                "The change-feed sequence this subscription is done with: every matching event up to it was acknowledged",
            examples = "41")
        long cursorSeq,
    @NonNull @Schema(description = "Token subject that created it", examples = "partner-cxpa")
        String owner,
    @Schema(description = "Version for If-Match (also the ETag)", examples = "0") long version,
    @NonNull OffsetDateTime createdAt,
    @NonNull OffsetDateTime updatedAt) {}
