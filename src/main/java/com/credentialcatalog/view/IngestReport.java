package com.credentialcatalog.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to each observation of a batch. */
@Schema(
    requiredProperties = {"created", "updated", "unchanged", "rejected"},
    description = "Per-item outcome of an observation batch and the totals.")
public record IngestReport(
    @Schema(examples = "10") int created,
    @Schema(examples = "2") int updated,
    @Schema(examples = "85") int unchanged,
    @Schema(examples = "3") int rejected,
    List<Item> items) {

  @Schema(description = "The outcome of one observation, by its index in the batch.")
  public record Item(
      @Schema(examples = "0") int index,
      @Schema(examples = "CREATED") Outcome status,
      @Schema(examples = "ccxp") String program,
      @Schema(
              description = "Why the item was rejected",
              examples = "postingsMatched must not exceed postingsScanned")
          String reason) {}

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
  }
}
