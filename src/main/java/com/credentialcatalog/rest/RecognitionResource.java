package com.credentialcatalog.rest;

import com.credentialcatalog.request.LookupRequest;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.read.RecognitionLookupService;
import com.credentialcatalog.service.write.RecognitionIngestService;
import com.credentialcatalog.view.IngestReport;
import com.credentialcatalog.view.LookupResult;
import com.credentialcatalog.write.ObservationBatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recognition data for job-board scrapers: name lookup, signals and their ingest. */
@Path("/api/v1/recognition")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Recognition",
    description = "Map job-ad strings to programs; read and submit recognition signals")
public class RecognitionResource {

  private final RecognitionLookupService lookup;
  private final RecognitionIngestService ingest;
  private final ProviderScope scope;

  public RecognitionResource(
      RecognitionLookupService lookup, RecognitionIngestService ingest, ProviderScope scope) {
    this.lookup = lookup;
    this.ingest = ingest;
    this.scope = scope;
  }

  @POST
  @Path("/lookup")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "lookupCredentials",
      summary = "Map credential names to programs",
      description =
          "For up to 500 names found in job ads: the normalized form (case, punctuation, spacing, ®/™ and 'certification'-like suffixes removed) and candidate programs, best first. Exact alias matches come first (confidence 1); otherwise trigram similarity above the threshold (confidence = similarity). Homonyms such as CCSP return every candidate, flagged ambiguous, each with what tells it apart. A name that matches nothing returns no candidates.")
  @APIResponse(responseCode = "200", description = "Candidates per name, in input order")
  @APIResponse(
      responseCode = "400",
      description = "No names, more than 500, or a name over 200 characters")
  public LookupResult lookup(@Valid @NotNull LookupRequest request) {
    return lookup.lookup(request.names());
  }

  @POST
  @Path("/observations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.RECOGNITION_WRITER, Roles.CATALOG_ADMIN})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "submitObservations",
      summary = "Submit recognition observations",
      description =
          "Up to 1,000 observations, upserted on their natural key (program, kind, sourceName, region, periodStart, periodEnd, requirementLevel): a retried batch creates nothing new. Each item is validated on its own; valid items are kept when others are rejected. Created and updated signals appear in the change feed. Role recognition-writer or catalog-admin.")
  @APIResponse(
      responseCode = "200",
      description = "Per-item outcome: CREATED, UPDATED, UNCHANGED or REJECTED with the reason")
  @APIResponse(responseCode = "400", description = "Not a batch, or more than 1,000 items")
  @APIResponse(
      responseCode = "403",
      description = "The token has neither the recognition-writer nor the catalog-admin role")
  public IngestReport observations(@Valid @NotNull ObservationBatch batch) {
    return ingest.ingest(batch.observations(), scope.actor());
  }
}
