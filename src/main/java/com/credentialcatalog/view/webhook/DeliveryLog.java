package com.credentialcatalog.view.webhook;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a subscription's delivery log, newest first. */
@Schema(
    name = "WebhookDeliveryLog",
    requiredProperties = {"deliveries"},
    description = "Deliveries of one subscription, newest first.")
@Type("WebhookDeliveryLog")
public record DeliveryLog(
    @NonNull List<@NonNull DeliveryView> deliveries,
    @Schema(
            description = "Pass as `before` for the next (older) page; absent on the last page",
            examples = "981")
        Long nextBefore) {}
