package com.credentialcatalog.rest;

import com.credentialcatalog.service.ctdl.CtdlExportService;
import com.credentialcatalog.service.ctdl.CtdlTerms;
import com.credentialcatalog.service.read.ExportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  private final CtdlExportService ctdl;

  public ExportResource(ExportService export, CtdlExportService ctdl) {
    this.export = export;
    this.ctdl = ctdl;
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

  @GET
  @Path("/ctdl")
  // Declared as a StreamingOutput (not a response of one), so the stream writer, not Jackson,
  // writes it; the CTDL media type comes first, so */* and ld+json get it.
  @Produces({CtdlTerms.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "exportCatalogCtdl",
      summary = "Export the whole catalog in CTDL",
      description =
          "The catalog as one CTDL JSON-LD document (the Credential Registry's language), streamed and read from one consistent snapshot: `{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@graph\": [...]}` with every provider as a ceterms:CredentialOrganization (with `owns`), then each program's credential, its AssessmentProfiles and its recognizing organizations (blank nodes, each once). The same nodes as GET /programs/{slug}/ctdl and /providers/{slug}/ctdl. A document that does not end with `]}` was cut off.")
  @APIResponse(
      responseCode = "200",
      description = "The CTDL document, streamed",
      content = {
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  public StreamingOutput exportCtdl() {
    return ctdl::writeCatalog;
  }
}
