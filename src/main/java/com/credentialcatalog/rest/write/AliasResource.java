package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.AliasService;
import com.credentialcatalog.view.write.AliasView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.AliasInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
 * The aliases of a program. They belong to the program aggregate: their ETag and If-Match are the
 * program's version. The class path equals {@code ProgramResource}'s so both share one routing
 * table.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aliases", description = "Names a program goes by in job ads")
public class AliasResource {

  private final AliasService aliases;

  public AliasResource(AliasService aliases) {
    this.aliases = aliases;
  }

  @POST
  @Path("/{slug}/aliases")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "createAlias",
      summary = "Add an alias",
      description =
          "Adds an alias to the program; 409 when the program already has one that normalizes alike. `If-Match` (the program's ETag) is optional: with it, the alias is added only if the program has not changed. `catalog-admin`, or `provider-editor` holding the program's provider. The program's version goes up. Appends an `alias` CREATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AliasInput.class),
              examples = @ExampleObject(name = "alias", value = "{\"alias\": \"ACXA®\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is the program's new version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the alias",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the program's new version",
            schema = @Schema(type = SchemaType.STRING, examples = "\"1\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AliasView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Blank, too long, or nothing left after normalization")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  @APIResponse(
      responseCode = "409",
      description = "The program already has an alias that normalizes alike")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` was given and is not the program's current version")
  public RestResponse<AliasView> add(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "Optional: ETag of the program version this change is based on",
              example = "\"0\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull AliasInput body,
      @Context UriInfo uri) {
    Versioned<AliasView> added = aliases.add(slug, IfMatch.optional(ifMatch), body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().segment(added.body().alias()).build(),
        added.body(),
        added.version());
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}/aliases/{alias}")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "deleteAlias",
      summary = "Remove an alias",
      description =
          "Removes the alias that normalizes like the path segment. Needs `If-Match` with the program's ETag. Same roles as POST. The program's version goes up. Appends an `alias` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(
      responseCode = "404",
      description = "No such program, or no alias of it normalizes like this")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the program's current version")
  public RestResponse<Void> remove(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(
              description = "The alias, URL-encoded; compared in normalized form",
              example = "ACXA")
          @PathParam("alias")
          String alias,
      @Parameter(
              description = "ETag of the program's current version",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    aliases.remove(slug, alias, IfMatch.required(ifMatch, "the aliases of program '" + slug + "'"));
    return WriteResponses.noContent();
  }
}
