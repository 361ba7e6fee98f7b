package com.credentialcatalog.rest;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProviderFilter;
import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.service.ctdl.CtdlExportService;
import com.credentialcatalog.service.ctdl.CtdlTerms;
import com.credentialcatalog.service.read.ProgramQueryService;
import com.credentialcatalog.service.read.ProviderService;
import com.credentialcatalog.view.Page;
import com.credentialcatalog.view.ProgramPage;
import com.credentialcatalog.view.ProviderView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Providers: issuing bodies, standards bodies, training vendors, universities, test vendors. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Providers",
    description =
        "Issuing bodies, standards bodies, training vendors, universities and test vendors")
public class ProviderResource {

  private static final String GET_PROVIDER =
      "One provider by slug, with its program count and source. With `Accept: application/ld+json` (the CTDL profile, `profile=\"https://credreg.net/ctdl/schema/\"`, or none) the provider comes in CTDL as a ceterms:CredentialOrganization (the document of GET /providers/{slug}/ctdl).";

  private final ProviderService providers;
  private final ProgramQueryService programs;
  private final CtdlExportService ctdl;

  public ProviderResource(
      ProviderService providers, ProgramQueryService programs, CtdlExportService ctdl) {
    this.providers = providers;
    this.programs = programs;
    this.ctdl = ctdl;
  }

  @GET
  @Operation(
      operationId = "listProviders",
      summary = "Find providers",
      description =
          "Providers with their program counts; keyset pages (follow nextCursor or Link rel=\"next\").")
  @APIResponse(
      responseCode = "200",
      description = "A page of providers",
      headers =
          @Header(
              name = "Link",
              description = "<…&cursor=…>; rel=\"next\" when there is a next page"))
  @APIResponse(responseCode = "400", description = "A parameter is invalid (the problem names it)")
  public RestResponse<Page<ProviderView>> find(
      @Parameter(
              description = "Case-insensitive text in name, acronym or description",
              example = "association")
          @RestQuery
          String q,
      @Parameter(
              description =
                  "Kind(s): PROFESSIONAL_ASSOCIATION, STANDARDS_BODY, TRAINING_VENDOR, UNIVERSITY, TEST_VENDOR",
              example = "TEST_VENDOR",
              schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderKind.class))
          @RestQuery
          List<String> kind,
      @Parameter(
              description = "ISO 3166 alpha-2 country",
              example = "US",
              schema = @Schema(type = SchemaType.STRING, pattern = Bounds.COUNTRY_PATTERN))
          @RestQuery
          String country,
      @Parameter(
              description = "name (default) or updatedAt; prefix - for descending",
              example = "name")
          @RestQuery
          String sort,
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
    ProviderFilter filter =
        QueryValues.REST.bind(
            () ->
                new ProviderFilter(q, QueryValues.enums("kinds", kind, ProviderKind.class), country)
                    .checked());
    Page<ProviderView> page =
        providers.find(filter, sort, Bounds.pageSize(QueryValues.integer("limit", limit)), cursor);
    return ProgramResource.withNextLink(page, page.nextCursor(), uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(operationId = "getProvider", summary = "Get a provider", description = GET_PROVIDER)
  @APIResponse(
      responseCode = "200",
      description = "The provider",
      headers =
          @Header(
              name = "ETag",
              description = EntityTags.GET_TAG_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProviderView.class)),
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<ProviderView> get(
      @Parameter(description = "Provider slug", example = "cxpa") @PathParam("slug") String slug) {
    ProviderView provider = providers.get(slug);
    return RestResponse.ResponseBuilder.ok(provider).tag(EntityTags.of(provider.version())).build();
  }

  @GET
  @Path("/{slug}")
  @Produces(CtdlMedia.JSON_LD)
  // The same operation as get(): this method only answers ld+json, which for a provider is CTDL.
  @Operation(summary = "Get a provider", description = GET_PROVIDER)
  @APIResponse(
      responseCode = "200",
      description = "The provider",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProviderView.class)),
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<Map<String, Object>> getJsonLd(
      @Parameter(description = "Provider slug", example = "cxpa") @PathParam("slug") String slug) {
    return RestResponse.ResponseBuilder.ok(ctdl.provider(slug), CtdlMedia.CTDL).build();
  }

  @GET
  @Path("/{slug}/ctdl")
  @Produces({CtdlMedia.JSON_LD, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getProviderCtdl",
      summary = "Get a provider in CTDL",
      description =
          "The provider as a CTDL ceterms:CredentialOrganization (the Credential Registry's JSON-LD; the same document as GET /providers/{slug} with `Accept: application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"`), at a plain URL for browsers and crawlers: ctid, name, acronym as alternateName, description, website as subjectWebpage, kind as agentType, and `owns` with the `@id` of each of its programs. Answered as application/ld+json with the CTDL profile, or application/json to a client that accepts only that.")
  @APIResponse(
      responseCode = "200",
      description = "The provider's CTDL document",
      content = {
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<Map<String, Object>> getCtdl(
      @Parameter(description = "Provider slug", example = "cxpa") @PathParam("slug") String slug,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return RestResponse.ResponseBuilder.ok(ctdl.provider(slug), CtdlMedia.plainUrlAnswer(accept))
        .build();
  }

  @GET
  @Path("/{slug}/programs")
  @Operation(
      operationId = "listProviderPrograms",
      summary = "Programs of a provider",
      description =
          "Like GET /programs restricted to this provider; every /programs parameter applies.")
  @APIResponse(responseCode = "200", description = "A page of the provider's programs")
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<ProgramPage> programs(
      @Parameter(description = "Provider slug", example = "hdi") @PathParam("slug") String slug,
      @BeanParam ProgramQueryParams params,
      @Context UriInfo uri) {
    providers.requireExists(slug);
    ProgramFilter scoped = params.filter().withProviders(List.of(slug));
    ProgramPage page =
        programs.find(scoped, params.order(), params.cursor(), params.limit(), params.facets());
    return ProgramResource.withNextLink(page, page.nextCursor(), uri);
  }
}
