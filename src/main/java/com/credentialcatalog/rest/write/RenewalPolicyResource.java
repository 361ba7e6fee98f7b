package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.RenewalPolicyService;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.write.RenewalPolicyInput;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
 * The renewal policy of a program, a singleton sub-resource: PUT creates it when absent. The class
 * path equals {@code ProgramResource}'s so both share one routing table.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Renewal policies", description = "How a program's credential is kept current")
public class RenewalPolicyResource {

  private final RenewalPolicyService renewals;
  private final MergePatch mergePatch;

  public RenewalPolicyResource(RenewalPolicyService renewals, MergePatch mergePatch) {
    this.renewals = renewals;
    this.mergePatch = mergePatch;
  }

  @PUT
  @Path("/{slug}/renewal")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "putRenewalPolicy",
      summary = "Create or replace the renewal policy",
      description =
          "Without a policy, creates it (201; send no `If-Match`). With one, replaces every field (absent ones become null) and needs `If-Match` with the policy's ETag. `catalog-admin`, or `provider-editor` holding the program's provider. The program's version goes up too. Appends a `renewal-policy` CREATE or UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalPolicyInput.class),
              examples =
                  @ExampleObject(
                      name = "three-year cycle",
                      value =
                          """
          {"cycleYearsMin": 3, "cycleYearsMax": 3, "creditsMin": 60, "creditsMax": 60, "creditUnit": "CEU",
           "acceptedRoutes": ["CREDITS", "RETEST"], "proofRetentionYears": 3}""")))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the policy's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalPolicyView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the policy",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the policy's version",
            schema = @Schema(type = SchemaType.STRING, examples = "\"0\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalPolicyView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid body; `errors[].field` names each bad field")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  @APIResponse(
      responseCode = "412",
      description =
          "`If-Match` is not the policy's current version, or names a policy that does not exist")
  @APIResponse(responseCode = "428", description = "A policy exists and `If-Match` is missing")
  public RestResponse<RenewalPolicyView> put(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description =
                  "ETag of the policy version this change is based on; leave out to create the policy",
              example = "\"0\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull RenewalPolicyInput body,
      @Context UriInfo uri) {
    RenewalPolicyService.Put put = renewals.put(slug, IfMatch.optional(ifMatch), body);
    if (put.created()) {
      return WriteResponses.created(
          uri.getAbsolutePath(), put.policy().body(), put.policy().version());
    }
    return WriteResponses.ok(put.policy());
  }

  @PATCH
  @Path("/{slug}/renewal")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "updateRenewalPolicy",
      summary = "Change some fields of the renewal policy",
      description =
          "JSON Merge Patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too) over the fields of RenewalPolicyInput: members present change, `null` clears, absent members stay; the result is validated like a PUT body. Needs `If-Match`. Same roles as PUT. Appends a `renewal-policy` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = RenewalPolicyInput.class),
              examples = @ExampleObject(name = "more credits", value = "{\"creditsMax\": 80}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the policy's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalPolicyView.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program, or it has no renewal policy")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the policy's current version")
  public RestResponse<RenewalPolicyView> patch(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the policy version this change is based on",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "the renewal policy of program '" + slug + "'");
    return WriteResponses.ok(
        renewals.patch(
            slug, version, current -> mergePatch.apply(current, patch, RenewalPolicyInput.class)));
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}/renewal")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "deleteRenewalPolicy",
      summary = "Delete the renewal policy",
      description =
          "Deletes the program's renewal policy (renewal fees stay: they are prices of type RENEWAL). Needs `If-Match` with the policy's ETag. Same roles as PUT. Appends a `renewal-policy` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program, or it has no renewal policy")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the policy's current version")
  public RestResponse<Void> delete(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the policy's current version",
              example = "\"2\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    renewals.delete(
        slug, IfMatch.required(ifMatch, "the renewal policy of program '" + slug + "'"));
    return WriteResponses.noContent();
  }
}
