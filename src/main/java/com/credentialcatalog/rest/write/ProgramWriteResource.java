package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.ProgramWriteService;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.write.ProgramInput;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Writes to programs' own fields. Reads are in {@code ProgramResource}; prices, exams, renewal and
 * aliases have their own resources. The class path equals {@code ProgramResource}'s on purpose:
 * JAX-RS resource classes with the same path share one routing table.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
@SecurityRequirement(name = "jwt")
public class ProgramWriteResource {

  private final ProgramWriteService programs;
  private final MergePatch mergePatch;

  public ProgramWriteResource(ProgramWriteService programs, MergePatch mergePatch) {
    this.programs = programs;
    this.mergePatch = mergePatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "createProgram",
      summary = "Create a program",
      description =
          "Creates a program (its prices, exams, renewal and aliases are added through their own resources afterwards). `catalog-admin`, or `provider-editor` for a provider its token holds; a program without provider is admin-only. Returns the full program detail. Appends a `program` CREATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgramInput.class),
              examples =
                  @ExampleObject(
                      name = "program",
                      value =
                          """
          {"slug": "acme-cx-analyst", "name": "ACME Certified CX Analyst", "acronym": "ACXA",
           "provider": "acme-cx-institute", "credentialType": "CERTIFICATION", "level": "PROFESSIONAL",
           "competencies": ["CX_STRATEGY", "PERFORMANCE_METRICS"], "deliveryModes": ["SELF_PACED_ONLINE"],
           "languages": ["en"], "studyHoursMin": 20, "studyHoursMax": 40, "website": "https://acme-cx.example/analyst"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the new program",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the version, for If-Match",
            schema = @Schema(type = SchemaType.STRING, examples = "\"0\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgramDetail.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body (unknown provider, supersededBy or source included); `errors[].field` names each bad field")
  @APIResponse(
      responseCode = "403",
      description = "The token may not create programs for this provider")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public RestResponse<ProgramDetail> create(
      @Valid @NotNull ProgramInput body, @Context UriInfo uri) {
    ProgramDetail created = programs.create(body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().path(created.slug()).build(), created, created.version());
  }

  @PUT
  @Path("/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "replaceProgram",
      summary = "Replace a program",
      description =
          "Replaces the program's own fields (absent ones become null, lists empty, status ACTIVE); prices, exams, renewal, eligibility and aliases stay. Needs `If-Match` with the program's current ETag. `catalog-admin`, or `provider-editor` holding the program's provider — and, to move it, the new provider too. The slug cannot change. Appends a `program` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgramInput.class),
              examples =
                  @ExampleObject(
                      name = "program",
                      value =
                          """
          {"name": "ACME Certified CX Analyst", "acronym": "ACXA", "provider": "acme-cx-institute",
           "credentialType": "CERTIFICATION", "level": "PROFESSIONAL", "status": "ACTIVE"}""")))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgramDetail.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(
      responseCode = "403",
      description = "The token may not edit this program or move it to that provider")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the current version: someone changed it meanwhile")
  public RestResponse<ProgramDetail> replace(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the version this change is based on",
              example = "\"0\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull ProgramInput body) {
    long version = IfMatch.required(ifMatch, "program '" + slug + "'");
    ProgramDetail replaced = programs.replace(slug, version, current -> body);
    return WriteResponses.ok(replaced, replaced.version());
  }

  @PATCH
  @Path("/{slug}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "updateProgram",
      summary = "Change some fields of a program",
      description =
          "JSON Merge Patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too) over the fields of ProgramInput: members present change, `null` clears, absent members stay. The result is validated like a PUT body. Needs `If-Match`. Same roles as PUT. Appends a `program` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ProgramInput.class),
              examples =
                  @ExampleObject(
                      name = "retire",
                      value = "{\"status\": \"RETIRED\", \"supersededBy\": \"ccxp\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgramDetail.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(
      responseCode = "403",
      description = "The token may not edit this program or move it to that provider")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<ProgramDetail> patch(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the version this change is based on",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "program '" + slug + "'");
    ProgramDetail patched =
        programs.replace(
            slug, version, current -> mergePatch.apply(current, patch, ProgramInput.class));
    return WriteResponses.ok(patched, patched.version());
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "deleteProgram",
      summary = "Delete a program",
      description =
          "Deletes a program with its prices, exams, renewal policy, eligibility routes, aliases, outcome claims and recognition signals. Refused (409) while another program names it as `supersededBy`: change that program first, so no fact is lost silently. Needs `If-Match`. `catalog-admin`, or `provider-editor` holding the program's provider. Appends a `program` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The token may not delete this program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  @APIResponse(responseCode = "409", description = "Another program names this one as supersededBy")
  public RestResponse<Void> delete(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "ETag of the current version", example = "\"2\"", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    programs.delete(slug, IfMatch.required(ifMatch, "program '" + slug + "'"));
    return WriteResponses.noContent();
  }
}
