package com.credentialcatalog.view.webhook;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription with its signing secret: answered once, at creation or rotation. */
@Schema(
    name = "WebhookWithSecret",
    requiredProperties = {"secret", "webhook"},
    description =
        "The subscription and its signing secret. The secret is shown only in this answer: store it.")
@Type("WebhookWithSecret")
public record WebhookSecret(
    @NonNull
        @Schema(
            description =
                "Standard Webhooks secret: \"whsec_\" + base64 of the HMAC-SHA256 key (README \"Webhooks\")",
            examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
    @NonNull WebhookView webhook) {}
