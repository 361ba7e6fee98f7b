package com.credentialcatalog.view;

import com.credentialcatalog.view.IngestReport.Outcome;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a CTDL import did (or, for a dry run, would do) with each node of the document. */
@Schema(
    name = "CtdlImportReport",
    requiredProperties = {"dryRun", "created", "updated", "unchanged", "rejected", "nodes"},
    description =
        "Per-node outcome of a CTDL import and the totals. A dry run answers the same and writes nothing.")
public record CtdlImportReport(
    @Schema(description = "Whether nothing was written", examples = "false") boolean dryRun,
    @Schema(examples = "2") int created,
    @Schema(examples = "0") int updated,
    @Schema(examples = "1") int unchanged,
    @Schema(examples = "1") int rejected,
    @Schema(description = "One entry per node of the document, in document order")
        List<NodeReport> nodes) {

  /** The outcome of one node. */
  @Schema(name = "CtdlNodeReport", description = "What the import did with one CTDL node.")
  public record NodeReport(
      @Schema(
              description = "The node's @id as written (null for a node without one)",
              examples =
                  "https://credentialengineregistry.org/resources/ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b")
          String id,
      @Schema(
              description = "The node's CTID in stored (lower-case) form, if it has one",
              examples = "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b")
          String ctid,
      @Schema(description = "The node's CTDL class", examples = "ceterms:Certification")
          String type,
      @Schema(
              description =
                  "What the node became: provider, program, exam-format (of a program), recognition-source, or null when rejected",
              examples = "program")
          String entity,
      @Schema(
              description = "Slug of the provider or program the node became or matched",
              examples = "21st-century-skills-for-workplace-success")
          String slug,
      @Schema(description = "CREATED, UPDATED, UNCHANGED or REJECTED", examples = "CREATED")
          Outcome status,
      @Schema(
              description =
                  "Why the node (or a part of it: a cost, a condition) was rejected or only partly imported",
              examples = "[\"estimatedCost 'Assessment Cost': no ceterms:price\"]")
          List<String> reasons,
      @Schema(
              description =
                  "CTDL terms of the node the catalog has no place for, and references the import could not resolve",
              examples = "[\"ceterms:keyword\", \"ceterms:creditHourType\"]")
          List<String> unmapped) {}
}
