package com.credentialcatalog.rest;

import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.service.ProgramQueryService;
import com.credentialcatalog.service.ProgramService;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.PriceHistory;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramPage;
import com.credentialcatalog.view.write.Versioned;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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

/** Programs (credentials): lists, detail, prices and cost of ownership. */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Credentials with their prices, exams, renewal and eligibility")
public class ProgramResource {

  static final String JSON_LD = "application/ld+json";
  /** Shared by the two methods of the one getProgram operation (JSON and JSON-LD). */
  private static final String GET_PROGRAM = "Full detail of one program: provider, prices (history included), exams, renewal, eligibility routes, aliases, outcome claims and the sources of every fact. With `Accept: application/ld+json` the same program comes as a schema.org EducationalOccupationalCredential (name, alternateName, credentialCategory, educationalLevel, competencyRequired, recognizedBy, validFor from the renewal cycle, offers with min/max price specifications, provider); `application/json` is the default.";

  private final ProgramService programs;
  private final ProgramQueryService query;

  public ProgramResource(ProgramService programs, ProgramQueryService query) {
    this.programs = programs;
    this.query = query;
  }

  @GET
  @Operation(operationId = "listPrograms", summary = "Find programs", description = "Filter, search, sort and page through programs. Values within one parameter are alternatives (OR); different parameters must all hold (AND). Numeric bounds compare against ranges by overlap; an unknown fact never satisfies a bound. Keyset pagination: follow nextCursor or the Link rel=\"next\" header; pages stay stable while programs are added.")
  @APIResponse(responseCode = "200", description = "A page of programs",
      headers = @Header(name = "Link", description = "<…&cursor=…>; rel=\"next\" when there is a next page"))
  @APIResponse(responseCode = "400", description = "A parameter is invalid (the problem names it)")
  public RestResponse<ProgramPage> find(@BeanParam ProgramQueryParams params, @Context UriInfo uri) {
    ProgramPage page = query.find(params.filter(), params.order(), params.cursor(), params.limit(), params.facets());
    return withNextLink(page, page.nextCursor(), uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(operationId = "getProgram", summary = "Get a program", description = GET_PROGRAM)
  @APIResponse(responseCode = "200", description = "The program",
      headers = @Header(name = "ETag", description = EntityTags.GET_TAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.class)),
          @Content(mediaType = JSON_LD, schema = @Schema(ref = OpenApiCompletion.PROGRAM_JSON_LD))})
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<String> get(@Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug) {
    // The read model keeps the document prebuilt: served as stored, never re-serialized.
    Versioned<String> detail = programs.detailJson(slug);
    return RestResponse.ResponseBuilder.ok(detail.body()).tag(EntityTags.of(detail.version())).build();
  }

  @GET
  @Path("/{slug}")
  @Produces(ProgramResource.JSON_LD)
  // The same operation as get() (its operationId, JSON first): this method only answers ld+json.
  @Operation(summary = "Get a program", description = GET_PROGRAM)
  @APIResponse(responseCode = "200", description = "The program",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.class)),
          @Content(mediaType = JSON_LD, schema = @Schema(ref = OpenApiCompletion.PROGRAM_JSON_LD))})
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public Map<String, Object> getJsonLd(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @Context UriInfo uri) {
    return programs.jsonLd(slug, uri.getBaseUriBuilder().path("api/v1/programs").path(slug).build().toString());
  }

  @GET
  @Path("/{slug}/prices")
  @Operation(operationId = "listPrices", summary = "Price history and prices in force", description = "Every price row of the program, and those in force on asOf (default today).")
  @APIResponse(responseCode = "200", description = "The prices")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public PriceHistory prices(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional") @PathParam("slug") String slug,
      @Parameter(description = "Date (YYYY-MM-DD) whose prices in force to list; default today", example = "2024-06-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @RestQuery String asOf) {
    return programs.prices(slug, QueryValues.date("asOf", asOf));
  }

  @GET
  @Path("/{slug}/cost")
  @Operation(operationId = "getCostOfOwnership", summary = "Cost of ownership", description = "Required initial fees plus renewals (⌊horizon / cycle⌋ × renewal fee) as a range: min takes the cheapest options and the longest cycle, max the dearest options and the shortest cycle. Line items and assumptions in words; currencies are never mixed.")
  @APIResponse(responseCode = "200", description = "The cost of ownership")
  @APIResponse(responseCode = "400", description = "Bad horizon, audience or currency")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public CostOfOwnership cost(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional") @PathParam("slug") String slug,
      @Parameter(description = "Years of ownership, 1–50 (default 3)", example = "6", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "50", defaultValue = "3")) @RestQuery String horizonYears,
      @Parameter(description = "MEMBER or NON_MEMBER; default: every audience (the range spans them)", example = "NON_MEMBER", schema = @Schema(implementation = PriceAudience.class)) @RestQuery String audience,
      @Parameter(description = "ISO 4217 currency; default: the program's only currency", example = "USD", schema = @Schema(type = SchemaType.STRING, pattern = Bounds.CURRENCY_PATTERN)) @RestQuery String currency,
      @Parameter(description = "Date whose prices are used; default today", example = "2025-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @RestQuery String asOf) {
    return programs.cost(slug, Bounds.horizonYears(QueryValues.integer("horizonYears", horizonYears)),
        QueryValues.one("audience", audience, PriceAudience.class), Bounds.currency("currency", currency),
        QueryValues.date("asOf", asOf));
  }

  static <T> RestResponse<T> withNextLink(T body, String nextCursor, UriInfo uri) {
    String link = PageLinks.next(uri, nextCursor);
    RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.ok(body);
    if (link != null) {
      builder.header("Link", link);
    }
    return builder.build();
  }
}
