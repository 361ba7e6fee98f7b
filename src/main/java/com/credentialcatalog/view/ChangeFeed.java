package com.credentialcatalog.view;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. */
@Schema(
    requiredProperties = {"lastSeq", "hasMore", "latestSeq"},
    description =
        "Changes after a sequence number, oldest first. Poll again with after=lastSeq; when there are more, hasMore is true.")
public record ChangeFeed(
    @NonNull List<@NonNull ChangeEventView> events,
    @Schema(
            description =
                "Sequence to pass as `after` next time (the last event's, or the one you sent when there is nothing new; never beyond latestSeq)",
            examples = "42")
        long lastSeq,
    @Schema(description = "Whether more events follow right away", examples = "true")
        boolean hasMore,
    @Schema(description = "The newest sequence number in the catalog", examples = "57")
        long latestSeq) {}
