package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.PriceService;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.PriceInput;
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
 * One price row of a program. The list of a program's prices is {@code GET /programs/{slug}/prices}
 * in {@code ProgramResource}; the class path equals that resource's so both share one routing
 * table.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices", description = "Effective-dated price ranges of a program")
public class PriceResource {

  private final PriceService prices;
  private final MergePatch mergePatch;

  public PriceResource(PriceService prices, MergePatch mergePatch) {
    this.prices = prices;
    this.mergePatch = mergePatch;
  }

  @POST
  @Path("/{slug}/prices")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "createPrice",
      summary = "Add a price",
      description =
          "Adds a price row to the program; the program's version (ETag) goes up too. `catalog-admin`, or `provider-editor` holding the program's provider. Appends a `price` CREATE change event (slug: the program's).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceInput.class),
              examples =
                  @ExampleObject(
                      name = "exam fee",
                      value =
                          """
          {"feeType": "EXAM", "amountMin": 450, "amountMax": 650, "currency": "USD", "audience": "NON_MEMBER",
           "requiredForAward": true, "validFrom": "2025-01-01"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the new price",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the price's version",
            schema = @Schema(type = SchemaType.STRING, examples = "\"0\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body; `errors[].field` names each bad field (amountMax below amountMin, validTo not after validFrom…)")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<PriceView> create(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Valid @NotNull PriceInput body,
      @Context UriInfo uri) {
    Versioned<PriceView> created = prices.create(slug, body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().path(Long.toString(created.body().id())).build(),
        created.body(),
        created.version());
  }

  @PUT
  @Path("/{slug}/prices/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "replacePrice",
      summary = "Replace a price",
      description =
          "Replaces every field of the price row; absent fields become null (audience ANY, requiredForAward false). To record a new price but keep history, close this row with validTo and add a new one instead. Needs `If-Match` with the price's ETag. Same roles as POST. Appends a `price` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceInput.class),
              examples =
                  @ExampleObject(
                      name = "exam fee",
                      value =
                          """
          {"feeType": "EXAM", "amountMin": 475, "amountMax": 675, "currency": "USD", "audience": "NON_MEMBER",
           "requiredForAward": true, "validFrom": "2025-01-01"}""")))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the price's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceView.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or price")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the price's current version")
  public RestResponse<PriceView> replace(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Price id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the price version this change is based on",
              example = "\"0\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull PriceInput body) {
    long version = IfMatch.required(ifMatch, "price " + id);
    return WriteResponses.ok(prices.replace(slug, id, version, current -> body));
  }

  @PATCH
  @Path("/{slug}/prices/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "updatePrice",
      summary = "Change some fields of a price",
      description =
          "JSON Merge Patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too) over the fields of PriceInput: members present change, `null` clears, absent members stay; the result is validated like a PUT body. Needs `If-Match`. Same roles as POST. Appends a `price` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = PriceInput.class),
              examples =
                  @ExampleObject(name = "close the row", value = "{\"validTo\": \"2026-01-01\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the price's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceView.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or price")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the price's current version")
  public RestResponse<PriceView> patch(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Price id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the price version this change is based on",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "price " + id);
    return WriteResponses.ok(
        prices.replace(
            slug, id, version, current -> mergePatch.apply(current, patch, PriceInput.class)));
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}/prices/{id}")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "deletePrice",
      summary = "Delete a price",
      description =
          "Deletes a price row (for a price that merely ended, set validTo instead: history is kept). Needs `If-Match` with the price's ETag. Same roles as POST. Appends a `price` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or price")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the price's current version")
  public RestResponse<Void> delete(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Price id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the price's current version",
              example = "\"2\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    prices.delete(slug, id, IfMatch.required(ifMatch, "price " + id));
    return WriteResponses.noContent();
  }
}
