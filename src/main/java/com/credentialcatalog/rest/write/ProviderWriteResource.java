package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.ProviderWriteService;
import com.credentialcatalog.view.ProviderView;
import com.credentialcatalog.write.ProviderInput;
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

/** Writes to providers. Reads are in {@code ProviderResource}. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
@SecurityRequirement(name = "jwt")
public class ProviderWriteResource {

  private final ProviderWriteService providers;
  private final MergePatch mergePatch;

  public ProviderWriteResource(ProviderWriteService providers, MergePatch mergePatch) {
    this.providers = providers;
    this.mergePatch = mergePatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CATALOG_ADMIN)
  @Operation(
      operationId = "createProvider",
      summary = "Create a provider",
      description =
          "Creates a provider. Only `catalog-admin` may. Appends a `provider` CREATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProviderInput.class),
              examples =
                  @ExampleObject(
                      name = "provider",
                      value =
                          """
          {"slug": "acme-cx-institute", "name": "ACME Customer Experience Institute", "acronym": "ACXI",
           "kind": "TRAINING_VENDOR", "website": "https://acme-cx.example", "country": "US"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the new provider",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the version, for If-Match",
            schema = @Schema(type = SchemaType.STRING, examples = "\"0\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProviderView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid body; `errors[].field` names each bad field")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public RestResponse<ProviderView> create(
      @Valid @NotNull ProviderInput body, @Context UriInfo uri) {
    ProviderView created = providers.create(body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().path(created.slug()).build(), created, created.version());
  }

  @PUT
  @Path("/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "replaceProvider",
      summary = "Replace a provider",
      description =
          "Replaces every field of the provider; absent fields become null. Needs `If-Match` with the provider's current ETag. `catalog-admin`, or `provider-editor` holding this provider. The slug cannot change. Appends a `provider` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProviderInput.class),
              examples =
                  @ExampleObject(
                      name = "provider",
                      value =
                          """
          {"name": "ACME Customer Experience Institute", "acronym": "ACXI", "kind": "TRAINING_VENDOR",
           "website": "https://acme-cx.example", "country": "GB"}""")))
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
              schema = @Schema(implementation = ProviderView.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "403", description = "The token may not edit this provider")
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the current version: someone changed it meanwhile")
  public RestResponse<ProviderView> replace(
      @Parameter(description = "Provider slug", example = "acme-cx-institute") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the version this change is based on",
              example = "\"0\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull ProviderInput body) {
    long version = IfMatch.required(ifMatch, "provider '" + slug + "'");
    ProviderView replaced = providers.replace(slug, version, current -> body);
    return WriteResponses.ok(replaced, replaced.version());
  }

  @PATCH
  @Path("/{slug}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Operation(
      operationId = "updateProvider",
      summary = "Change some fields of a provider",
      description =
          "JSON Merge Patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too): members present change, `null` clears, absent members stay. The result is validated like a PUT body. Needs `If-Match`. `catalog-admin`, or `provider-editor` holding this provider. Appends a `provider` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ProviderInput.class),
              examples =
                  @ExampleObject(
                      name = "new website",
                      value =
                          "{\"website\": \"https://acme-cx.example/en\", \"description\": null}")))
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
              schema = @Schema(implementation = ProviderView.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(responseCode = "403", description = "The token may not edit this provider")
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<ProviderView> patch(
      @Parameter(description = "Provider slug", example = "acme-cx-institute") @PathParam("slug")
          String slug,
      @Parameter(
              description = "ETag of the version this change is based on",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "provider '" + slug + "'");
    ProviderView patched =
        providers.replace(
            slug, version, current -> mergePatch.apply(current, patch, ProviderInput.class));
    return WriteResponses.ok(patched, patched.version());
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}")
  @RolesAllowed(Roles.CATALOG_ADMIN)
  @Operation(
      operationId = "deleteProvider",
      summary = "Delete a provider",
      description =
          "Deletes a provider that owns no program and is no exam's test vendor. Only `catalog-admin` may. Needs `If-Match`. Appends a `provider` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  @APIResponse(
      responseCode = "409",
      description = "The provider still owns programs or delivers exams")
  public RestResponse<Void> delete(
      @Parameter(description = "Provider slug", example = "acme-cx-institute") @PathParam("slug")
          String slug,
      @Parameter(description = "ETag of the current version", example = "\"2\"", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    providers.delete(slug, IfMatch.required(ifMatch, "provider '" + slug + "'"));
    return WriteResponses.noContent();
  }
}
