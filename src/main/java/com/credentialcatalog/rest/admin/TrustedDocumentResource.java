package com.credentialcatalog.rest.admin;

import com.credentialcatalog.caching.PerCallerReads;
import com.credentialcatalog.rest.PageLinks;
import com.credentialcatalog.rest.QueryValues;
import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.PersistedDocuments;
import com.credentialcatalog.service.TrustedDocumentService;
import com.credentialcatalog.view.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Trusted GraphQL documents, managed at run time by catalog administrators (README "Persisted
 * GraphQL queries"). REST only, like the other administration operations. Its reads are per-caller
 * ({@link PerCallerReads}): never tagged with the catalog revision, never kept by a shared cache.
 */
@Path("/api/v1/admin/trusted-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Maintenance operations for catalog administrators")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.CATALOG_ADMIN)
public class TrustedDocumentResource {

  private static final String HASH_EXAMPLE =
      "e83821524ca6c853493cbe58357e453ae219ff6ddb420d686815b8bb7972121f";

  private final TrustedDocumentService trusted;
  private final ProviderScope scope;

  public TrustedDocumentResource(TrustedDocumentService trusted, ProviderScope scope) {
    this.trusted = trusted;
    this.scope = scope;
  }

  /** What an administrator sends to trust a document. */
  @Schema(
      name = "TrustedDocumentInput",
      requiredProperties = {"document"},
      description =
          "A GraphQL document to trust. The server hashes it (SHA-256 of its exact UTF-8 text, as APQ clients do): send it byte for byte as the front-end will.")
  public record TrustedDocumentInput(
      @NotBlank
          @Schema(
              description =
                  "The GraphQL document; it must parse within the GraphQL bounds and validate against the schema",
              examples = "query Program($slug: String!) { program(slug: $slug) { slug name } }")
          String document) {}

  /** A trusted document as the administration API shows it. */
  @Schema(
      name = "TrustedDocument",
      requiredProperties = {"sha256", "document", "via", "trustedAt"},
      description =
          "A trusted GraphQL document; clients run it by `sha256`. `trustedAt`: when it became trusted.")
  public record TrustedDocument(
      @Schema(
              description =
                  "Lower-case hex SHA-256 of the document: the `extensions.persistedQuery.sha256Hash` clients send",
              examples = HASH_EXAMPLE)
          String sha256,
      @Schema(
              description = "The document, exactly as registered",
              examples = "query Program($slug: String!) { program(slug: $slug) { slug name } }")
          String document,
      @Schema(
              description =
                  "How it became trusted: `ADMIN` through this API, `DIRECTORY` from `catalog.graphql.trusted-documents-directory` (registered again at every start-up)",
              enumeration = {"ADMIN", "DIRECTORY"},
              examples = "ADMIN")
          String via,
      @Schema(
              description = "The administrator who trusted it; absent from the directory",
              examples = "admin@example.org")
          String trustedBy,
      OffsetDateTime trustedAt) {

    static TrustedDocument of(PersistedDocuments.Trusted t) {
      return new TrustedDocument(
          t.sha256(),
          t.document(),
          t.via().name(),
          t.trustedBy(),
          t.trustedAt().atOffset(ZoneOffset.UTC));
    }
  }

  /** A page of trusted documents. */
  @Schema(
      name = "TrustedDocumentPage",
      requiredProperties = {"items"},
      description = "Trusted documents in registration order.")
  public record TrustedDocumentPage(
      @Schema(description = "The documents of this page") List<TrustedDocument> items,
      @Schema(
              description = "Opaque cursor of the next page; null on the last page",
              examples = "dHJ1c3RlZC1kb2N1bWVudHMKNwoA")
          String nextCursor) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerTrustedDocument",
      summary = "Trust a GraphQL document",
      description =
          "Registers a GraphQL document as trusted under the SHA-256 the server computes of its exact text (returned). In trusted-documents mode (`catalog.graphql.trusted-documents-only`) only trusted documents run, by hash or in full; otherwise a trusted document runs by hash without clients registering it. The document must parse within the GraphQL bounds and validate against the schema. Registering a document trusted already changes nothing (200); one a client registered becomes trusted (201). Takes effect at once on every replica. Only `catalog-admin` may.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrustedDocumentInput.class),
              examples =
                  @ExampleObject(
                      name = "a program by slug",
                      value =
                          "{\"document\": \"query Program($slug: String!) { program(slug: $slug) { slug name } }\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Trusted now; `Location` names it",
      headers = @Header(name = "Location", description = "The document's URL, by its SHA-256"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrustedDocument.class)))
  @APIResponse(
      responseCode = "200",
      description = "Trusted already: nothing changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrustedDocument.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "No `document`, or one that does not parse, exceeds a GraphQL bound or does not validate against the schema; `errors[].field` is `document` and the detail says why")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  public RestResponse<TrustedDocument> register(
      @Valid @NotNull TrustedDocumentInput body, @Context UriInfo uri) {
    TrustedDocumentService.Registration r = trusted.register(body.document(), scope.actor());
    TrustedDocument shown = TrustedDocument.of(r.document());
    if (!r.created()) {
      return RestResponse.ok(shown);
    }
    return RestResponse.ResponseBuilder.<TrustedDocument>created(
            uri.getAbsolutePathBuilder().path(shown.sha256()).build())
        .entity(shown)
        .build();
  }

  @GET
  @Operation(
      operationId = "listTrustedDocuments",
      summary = "List trusted GraphQL documents",
      description =
          "Every trusted document, registered through this API or loaded from the directory, in registration order; keyset pages (follow nextCursor or Link rel=\"next\"). Only `catalog-admin` may.")
  @APIResponse(
      responseCode = "200",
      description = "A page of trusted documents (`Cache-Control: private, no-store`)",
      headers =
          @Header(
              name = "Link",
              description = "<…&cursor=…>; rel=\"next\" when there is a next page"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrustedDocumentPage.class)))
  @APIResponse(responseCode = "400", description = "Bad `limit` or `cursor` (the problem names it)")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  public RestResponse<TrustedDocumentPage> list(
      @Parameter(
              description = "Page size 1–100 (default 20)",
              example = "20",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          @RestQuery
          String limit,
      @Parameter(description = "Opaque cursor from the previous page") @RestQuery String cursor,
      @Context UriInfo uri) {
    Page<PersistedDocuments.Trusted> page =
        trusted.list(QueryValues.integer("limit", limit), cursor);
    TrustedDocumentPage shown =
        new TrustedDocumentPage(
            page.items().stream().map(TrustedDocument::of).toList(), page.nextCursor());
    RestResponse.ResponseBuilder<TrustedDocumentPage> r =
        RestResponse.ResponseBuilder.ok(shown)
            .header(HttpHeaders.CACHE_CONTROL, PerCallerReads.CACHE_CONTROL);
    String next = PageLinks.next(uri, page.nextCursor());
    if (next != null) {
      r.header("Link", next);
    }
    return r.build();
  }

  @GET
  @Path("/{sha256}")
  @Operation(
      operationId = "getTrustedDocument",
      summary = "Read a trusted GraphQL document",
      description = "The trusted document with this SHA-256. Only `catalog-admin` may.")
  @APIResponse(
      responseCode = "200",
      description = "The document (`Cache-Control: private, no-store`)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrustedDocument.class)))
  @APIResponse(responseCode = "400", description = "`sha256` is not 64 hex digits")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  @APIResponse(responseCode = "404", description = "No trusted document has this SHA-256")
  public RestResponse<TrustedDocument> get(
      @Parameter(
              description = "The document's SHA-256, 64 hex digits",
              example = HASH_EXAMPLE,
              schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-fA-F]{64}$"))
          @PathParam("sha256")
          String sha256) {
    return RestResponse.ResponseBuilder.ok(TrustedDocument.of(trusted.get(sha256)))
        .header(HttpHeaders.CACHE_CONTROL, PerCallerReads.CACHE_CONTROL)
        .build();
  }

  @DELETE
  @Path("/{sha256}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      operationId = "deleteTrustedDocument",
      summary = "Stop trusting a GraphQL document",
      description =
          "Deletes the trusted document: in trusted-documents mode it is refused from now on (`PERSISTED_QUERY_NOT_IN_LIST` in full, `PersistedQueryNotFound` by hash) — at once on this replica, within `catalog.graphql.persisted-queries.cached-for` (10 s) on the others. A document of the trusted-documents directory comes back at the next start-up: remove its file too. Only `catalog-admin` may.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", description = "`sha256` is not 64 hex digits")
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  @APIResponse(responseCode = "404", description = "No trusted document has this SHA-256")
  public RestResponse<Void> delete(
      @Parameter(
              description = "The document's SHA-256, 64 hex digits",
              example = HASH_EXAMPLE,
              schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-fA-F]{64}$"))
          @PathParam("sha256")
          String sha256) {
    trusted.delete(sha256);
    return RestResponse.noContent();
  }
}
