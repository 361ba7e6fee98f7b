package com.credentialcatalog.rest;

import com.credentialcatalog.service.read.ExportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole catalog in one streamed document, for a first sync. */
@Path("/api/v1/export")
@Tag(name = "Sync")
public class ExportResource {

  static final String NDJSON = "application/x-ndjson";

  private final ExportService export;

  public ExportResource(ExportService export) {
    this.export = export;
  }

  @GET
  @Produces(NDJSON)
  @Operation(
      operationId = "exportCatalog",
      summary = "Export the whole catalog",
      description =
          "The catalog as newline-delimited JSON, streamed, read from one consistent snapshot. Every line is {\"type\": …, \"data\": …}: first `export` (with feedSequence), then `source`, `provider`, `program` (full detail), `recognitionSignal` lines, and last `end` (record count). Then follow GET /changes?after=feedSequence to stay in sync.")
  @APIResponse(
      responseCode = "200",
      description = "The NDJSON stream",
      content =
          @Content(
              mediaType = NDJSON,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      format = "binary",
                      description =
                          "One ExportLine JSON object per line (x-item-schema); a byte stream to generated clients, read it line by line")))
  public StreamingOutput export() {
    return export::writeTo;
  }
}
