package com.credentialcatalog.view;

import com.credentialcatalog.domain.ChangeOperation;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the change feed. */
@Schema(
    requiredProperties = {"seq", "entityType", "operation", "occurredAt"},
    description =
        "A change to the catalog. seq increases with every change and has no gaps a reader can fall into.")
@Type("ChangeEvent") // the GraphQL type is named for what it is, not for the Java record
public record ChangeEventView(
    @Schema(examples = "42") long seq,
    @Schema(
            description =
                "provider, program, price, exam-format, renewal-policy, alias, recognition-signal; read-model (slug all) after a rebuild",
            examples = "program")
        @NonNull
        String entityType,
    @Schema(description = "Slug of the provider or program concerned", examples = "ccxp") @NonNull
        String slug,
    @Schema(examples = "UPDATE") @NonNull ChangeOperation operation,
    @NonNull OffsetDateTime occurredAt,
    @Schema(description = "Who made the change (token subject, or seed)", examples = "partner-cxpa")
        @NonNull
        String actor) {}
