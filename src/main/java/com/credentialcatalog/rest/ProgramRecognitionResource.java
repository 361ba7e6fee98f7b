package com.credentialcatalog.rest;

import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.service.read.RecognitionService;
import com.credentialcatalog.view.RecognitionReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A program's recognition signals and series. Its own class with the full path: JAX-RS matches the
 * most specific class path first and never falls back to another class.
 */
@Path("/api/v1/programs/{slug}/recognition")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recognition")
public class ProgramRecognitionResource {

  private final RecognitionService recognition;

  public ProgramRecognitionResource(RecognitionService recognition) {
    this.recognition = recognition;
  }

  @GET
  @Operation(
      operationId = "getProgramRecognition",
      summary = "Recognition of a program",
      description =
          "Its recognition signals (filterable) and, from job-posting signals, a monthly series of posting share (matched / scanned) per region and requirement level.")
  @APIResponse(responseCode = "200", description = "Signals, series and summary")
  @APIResponse(responseCode = "400", description = "Bad region, kind or dates")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RecognitionReport recognition(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @Parameter(
              description = "ISO 3166 alpha-2 region or GLOBAL",
              example = "US",
              schema = @Schema(type = SchemaType.STRING, pattern = Bounds.REGION_PATTERN))
          @RestQuery
          String region,
      @Parameter(
              description = "Signal kind",
              example = "JOB_POSTING_MENTIONS",
              schema = @Schema(implementation = RecognitionKind.class))
          @RestQuery
          String kind,
      @Parameter(
              description = "Signals whose period ends on or after this date (YYYY-MM-DD)",
              example = "2025-01-01",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @RestQuery
          String from,
      @Parameter(
              description = "Signals whose period starts on or before this date (YYYY-MM-DD)",
              example = "2025-12-31",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @RestQuery
          String to) {
    return recognition.report(
        slug,
        Bounds.region("region", region),
        QueryValues.one("kind", kind, RecognitionKind.class),
        QueryValues.date("from", from),
        QueryValues.date("to", to));
  }
}
