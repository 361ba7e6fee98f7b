package com.credentialcatalog.view.webhook;

import com.credentialcatalog.domain.DeliveryKind;
import com.credentialcatalog.domain.DeliveryStatus;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subscription's delivery log. */
@Schema(
    name = "WebhookDelivery",
    requiredProperties = {"id", "eventSeq", "messageId", "kind", "status", "attempts", "createdAt"},
    description = "One change event sent (or to be sent) to one subscription, with its attempts.")
@Type("WebhookDelivery")
public record DeliveryView(
    @Id @Schema(examples = "1001") long id,
    @Schema(description = "The change event's seq", examples = "42") long eventSeq,
    @NonNull
        @Schema(
            description = "The webhook-id header: the same on every retry and redelivery",
            examples = "msg_7_42")
        String messageId,
    @NonNull @Schema(examples = "FEED") DeliveryKind kind,
    @NonNull @Schema(examples = "SUCCEEDED") DeliveryStatus status,
    @Schema(examples = "1") int attempts,
    OffsetDateTime firstAttemptAt,
    OffsetDateTime lastAttemptAt,
    @Schema(description = "HTTP status of the last answer; absent when none came", examples = "204")
        Integer lastResponseCode,
    @Schema(description = "Milliseconds the last attempt took", examples = "38")
        Integer lastDurationMs,
    @Schema(description = "Why the last attempt failed, when it did", examples = "HTTP 503")
        String lastError,
    @Schema(description = "When the next attempt is due (PENDING only)")
        OffsetDateTime nextAttemptAt,
    @NonNull OffsetDateTime createdAt) {}
