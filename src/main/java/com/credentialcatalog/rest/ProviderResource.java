package com.credentialcatalog.rest;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProviderFilter;
import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.service.read.ProgramQueryService;
import com.credentialcatalog.service.read.ProviderService;
import com.credentialcatalog.view.Page;
import com.credentialcatalog.view.ProgramPage;
import com.credentialcatalog.view.ProviderView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

  private final ProviderService providers;
  private final ProgramQueryService programs;

  public ProviderResource(ProviderService providers, ProgramQueryService programs) {
    this.providers = providers;
    this.programs = programs;
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
  @Operation(
      operationId = "getProvider",
      summary = "Get a provider",
      description = "One provider by slug, with its program count and source.")
  @APIResponse(
      responseCode = "200",
      description = "The provider",
      headers =
          @Header(
              name = "ETag",
              description = EntityTags.GET_TAG_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")))
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public RestResponse<ProviderView> get(
      @Parameter(description = "Provider slug", example = "cxpa") @PathParam("slug") String slug) {
    ProviderView provider = providers.get(slug);
    return RestResponse.ResponseBuilder.ok(provider).tag(EntityTags.of(provider.version())).build();
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
