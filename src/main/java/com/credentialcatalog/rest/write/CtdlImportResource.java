package com.credentialcatalog.rest.write;

import com.credentialcatalog.importer.ctdl.CtdlImporter;
import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.rest.problem.ProblemMappers;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.view.CtdlImportReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Imports Credential Registry records (CTDL JSON-LD) into the catalog. */
@Path("/api/v1/imports/ctdl")
@Tag(
    name = "Imports",
    description = "Credential Registry records (CTDL JSON-LD) taken into the catalog")
@SecurityRequirement(name = "jwt")
public class CtdlImportResource {

  /** Largest document one import takes; the Registry's records are tens of kilobytes. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  static final String LD_JSON = "application/ld+json";

  private final CtdlImporter importer;
  private final ObjectMapper json;

  public CtdlImportResource(CtdlImporter importer, ObjectMapper json) {
    this.importer = importer;
    this.json = json;
  }

  /** A body over {@link #MAX_BODY_BYTES}. */
  static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge(int size) {
      super(
          "The CTDL document has "
              + size
              + " bytes; an import takes at most "
              + MAX_BODY_BYTES
              + " bytes (split the @graph into several documents)");
    }
  }

  @ServerExceptionMapper
  public Response tooLarge(BodyTooLarge e, UriInfo uri) {
    return Response.status(413)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "/problems/payload-too-large",
                "Payload Too Large",
                413,
                e.getMessage(),
                ProblemMappers.instance(uri),
                List.of(new Problem.FieldError("body", e.getMessage()))))
        .build();
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, LD_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "importCtdl",
      summary = "Import a CTDL document",
      description =
          "Takes Credential Registry records in CTDL JSON-LD — a `@graph` document, a single resource, or a Registry envelope (its `decoded_resource`) — and maps them onto the catalog: organizations with a CTID become providers, credentials (`ceterms:Certification`, `Certificate`, `MicroCredential`, `QualityAssuranceCredential` and the classes that map to them) programs with their costs, eligibility routes (`requires`/`alternativeCondition`), renewal policy, exam formats (the `ceterms:AssessmentProfile` nodes a credential names in `targetAssessment`) and recognition signals (`accreditedBy`, `recognizedBy`, `approvedBy`). Rows are matched by CTID, then providers by name or website and programs by name and owner; created rows keep the record's CTID. Each node is answered CREATED, UPDATED, UNCHANGED or REJECTED with reasons and the terms the catalog has no place for. Every write goes through the same services as the REST writes (versions, change events), all in one transaction; posting the same document again changes nothing. `catalog-admin`; a `provider-editor` only for the providers its token names (other nodes are REJECTED). At most 512 KiB and 500 nodes.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = LD_JSON,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                      description = "A CTDL JSON-LD document, resource or Registry envelope"),
              examples =
                  @ExampleObject(
                      name = "graph",
                      value =
                          """
          {"@context": "https://credreg.net/ctdl/schema/context/json",
           "@graph": [
            {"@id": "https://credentialengineregistry.org/resources/ce-0b7a3c2e-8d2f-4a53-9c1e-1f2a3b4c5d6e",
             "@type": "ceterms:CredentialOrganization", "ceterms:ctid": "ce-0b7a3c2e-8d2f-4a53-9c1e-1f2a3b4c5d6e",
             "ceterms:name": {"en": "ACME Customer Experience Institute"},
             "ceterms:subjectWebpage": "https://acme-cx.example",
             "ceterms:agentType": [{"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": "orgType:TrainingProvider"}]},
            {"@id": "https://credentialengineregistry.org/resources/ce-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0",
             "@type": "ceterms:Certification", "ceterms:ctid": "ce-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0",
             "ceterms:name": {"en": "ACME Certified CX Analyst"}, "ceterms:alternateName": {"en": ["ACXA"]},
             "ceterms:ownedBy": ["https://credentialengineregistry.org/graph/ce-0B7A3C2E-8D2F-4A53-9C1E-1F2A3B4C5D6E"],
             "ceterms:estimatedCost": [{"@type": "ceterms:CostProfile", "ceterms:name": {"en": "Exam fee"},
               "ceterms:price": 250, "ceterms:currency": "US Dollar",
               "ceterms:directCostType": [{"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": "costType:StandaloneAssessment"}]}]}
           ]}""")))
  @APIResponse(
      responseCode = "200",
      description = "What was done (or, for a dry run, would be done) with each node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CtdlImportReport.class),
              examples =
                  @ExampleObject(
                      name = "report",
                      value =
                          """
          {"dryRun": false, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0,
           "nodes": [
            {"id": "https://credentialengineregistry.org/resources/ce-0b7a3c2e-8d2f-4a53-9c1e-1f2a3b4c5d6e",
             "ctid": "ce-0b7a3c2e-8d2f-4a53-9c1e-1f2a3b4c5d6e", "type": "ceterms:CredentialOrganization",
             "entity": "provider", "slug": "acme-customer-experience-institute", "status": "CREATED",
             "reasons": [], "unmapped": []},
            {"id": "https://credentialengineregistry.org/resources/ce-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0",
             "ctid": "ce-5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0", "type": "ceterms:Certification",
             "entity": "program", "slug": "acme-certified-cx-analyst", "status": "CREATED",
             "reasons": [], "unmapped": []}
           ]}""")))
  @APIResponse(
      responseCode = "400",
      description =
          "Not a CTDL document, or a node lacks what the catalog needs; `errors[].field` names the node (@id) and the property, e.g. `https://…/ce-… ceterms:name`. Also more than 500 nodes.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
  @APIResponse(
      responseCode = "403",
      description = "The token is neither `catalog-admin` nor `provider-editor`")
  @APIResponse(
      responseCode = "413",
      description = "The document is larger than 512 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CtdlImportReport importDocument(
      @Parameter(description = "Answer the same report without writing anything", example = "true")
          @QueryParam("dryRun")
          boolean dryRun,
      byte[] body)
      throws IOException {
    if (body != null && body.length > MAX_BODY_BYTES) {
      throw new BodyTooLarge(body.length);
    }
    return importer.importDocument(
        body == null || body.length == 0 ? null : json.readTree(body), dryRun);
  }
}
