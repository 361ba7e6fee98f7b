package com.credentialcatalog.rest;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.service.ctdl.CtdlExportService;
import com.credentialcatalog.service.ctdl.CtdlTerms;
import com.credentialcatalog.service.read.ProgramQueryService;
import com.credentialcatalog.service.read.ProgramService;
import com.credentialcatalog.service.write.AliasService;
import com.credentialcatalog.service.write.ExamFormatService;
import com.credentialcatalog.service.write.PriceService;
import com.credentialcatalog.service.write.RenewalPolicyService;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.PriceHistory;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.ProgramPage;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.write.AliasView;
import com.credentialcatalog.view.write.Versioned;
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

/**
 * Every read under /api/v1/programs except recognition ({@code ProgramRecognitionResource}): lists,
 * detail, prices, cost of ownership, and the single parts a client edits (a price, an exam format,
 * the renewal policy, aliases) with the strong ETag it sends back in If-Match. The writes of those
 * parts are in {@code rest.write}.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Programs",
    description = "Credentials with their prices, exams, renewal and eligibility")
public class ProgramResource {

  static final String JSON_LD = "application/ld+json";

  /** Shared by the two methods of the one getProgram operation (JSON and JSON-LD). */
  private static final String GET_PROGRAM =
      "Full detail of one program: provider, prices (history included), exams, renewal, eligibility routes, aliases, outcome claims and the sources of every fact. With `Accept: application/ld+json` the same program comes as a schema.org EducationalOccupationalCredential (name, alternateName, credentialCategory, educationalLevel, competencyRequired, recognizedBy, validFor from the renewal cycle, offers with min/max price specifications, provider); `application/json` is the default. With `Accept: application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"` it comes in CTDL, the Credential Registry's JSON-LD (the document of GET /programs/{slug}/ctdl).";

  private static final String GET_CTDL =
      "The program in CTDL, the Credential Registry's JSON-LD (the same document as GET /programs/{slug} with `Accept: application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"`), at a plain URL for browsers and crawlers: a `@graph` with the credential (ceterms:Certification, Certificate, MicroCredential or QualityAssuranceCredential by credential type), an AssessmentProfile per exam, the owner and test vendors as CredentialOrganization, and recognizing organizations as blank nodes. Node `@id`s are https://credentialengineregistry.org/resources/{ctid}. Facts CTDL has no property for are in words in the descriptions, after \"Catalog notes:\" (README \"CTDL export\"). Answered as application/ld+json with the CTDL profile, or application/json to a client that accepts only that.";

  private final ProgramService programs;
  private final ProgramQueryService query;
  private final PriceService prices;
  private final ExamFormatService exams;
  private final RenewalPolicyService renewals;
  private final AliasService aliases;
  private final CtdlExportService ctdl;

  public ProgramResource(
      ProgramService programs,
      ProgramQueryService query,
      PriceService prices,
      ExamFormatService exams,
      RenewalPolicyService renewals,
      AliasService aliases,
      CtdlExportService ctdl) {
    this.programs = programs;
    this.query = query;
    this.prices = prices;
    this.exams = exams;
    this.renewals = renewals;
    this.aliases = aliases;
    this.ctdl = ctdl;
  }

  @GET
  @Operation(
      operationId = "listPrograms",
      summary = "Find programs",
      description =
          "Filter, search, sort and page through programs. Values within one parameter are alternatives (OR); different parameters must all hold (AND). Numeric bounds compare against ranges by overlap; an unknown fact never satisfies a bound. Keyset pagination: follow nextCursor or the Link rel=\"next\" header; pages stay stable while programs are added.")
  @APIResponse(
      responseCode = "200",
      description = "A page of programs",
      headers =
          @Header(
              name = "Link",
              description = "<…&cursor=…>; rel=\"next\" when there is a next page"))
  @APIResponse(responseCode = "400", description = "A parameter is invalid (the problem names it)")
  public RestResponse<ProgramPage> find(
      @BeanParam ProgramQueryParams params, @Context UriInfo uri) {
    ProgramPage page =
        query.find(
            params.filter(), params.order(), params.cursor(), params.limit(), params.facets());
    return withNextLink(page, page.nextCursor(), uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(operationId = "getProgram", summary = "Get a program", description = GET_PROGRAM)
  @APIResponse(
      responseCode = "200",
      description = "The program",
      headers =
          @Header(
              name = "ETag",
              description = EntityTags.GET_TAG_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramDetail.class)),
        @Content(mediaType = JSON_LD, schema = @Schema(ref = OpenApiCompletion.PROGRAM_JSON_LD)),
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<String> get(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug) {
    // The read model keeps the document prebuilt: served as stored, never re-serialized.
    return versioned(programs.detailJson(slug));
  }

  @GET
  @Path("/{slug}")
  @Produces(ProgramResource.JSON_LD)
  // The same operation as get() (its operationId, JSON first): this method only answers ld+json.
  @Operation(summary = "Get a program", description = GET_PROGRAM)
  @APIResponse(
      responseCode = "200",
      description = "The program",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramDetail.class)),
        @Content(mediaType = JSON_LD, schema = @Schema(ref = OpenApiCompletion.PROGRAM_JSON_LD)),
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<Map<String, Object>> getJsonLd(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @Context UriInfo uri) {
    if (CtdlMedia.wantsCtdl(accept)) {
      return RestResponse.ResponseBuilder.ok(ctdl.program(slug), CtdlMedia.CTDL).build();
    }
    return RestResponse.ok(
        programs.jsonLd(
            slug, uri.getBaseUriBuilder().path("api/v1/programs").path(slug).build().toString()));
  }

  @GET
  @Path("/{slug}/ctdl")
  @Produces({JSON_LD, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getProgramCtdl",
      summary = "Get a program in CTDL",
      description = GET_CTDL)
  @APIResponse(
      responseCode = "200",
      description = "The program's CTDL document",
      content = {
        @Content(
            mediaType = CtdlTerms.MEDIA_TYPE,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = OpenApiCompletion.CTDL_DOCUMENT))
      })
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<Map<String, Object>> getCtdl(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional")
          @PathParam("slug")
          String slug,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return RestResponse.ResponseBuilder.ok(ctdl.program(slug), CtdlMedia.plainUrlAnswer(accept))
        .build();
  }

  @GET
  @Path("/{slug}/prices")
  @Operation(
      operationId = "listPrices",
      summary = "Price history and prices in force",
      description = "Every price row of the program, and those in force on asOf (default today).")
  @APIResponse(responseCode = "200", description = "The prices")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public PriceHistory prices(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional")
          @PathParam("slug")
          String slug,
      @Parameter(
              description = "Date (YYYY-MM-DD) whose prices in force to list; default today",
              example = "2024-06-01",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @RestQuery
          String asOf) {
    return programs.prices(slug, QueryValues.date("asOf", asOf));
  }

  @GET
  @Path("/{slug}/cost")
  @Operation(
      operationId = "getCostOfOwnership",
      summary = "Cost of ownership",
      description =
          "Required initial fees plus renewals (⌊horizon / cycle⌋ × renewal fee) as a range: min takes the cheapest options and the longest cycle, max the dearest options and the shortest cycle. Line items and assumptions in words; currencies are never mixed.")
  @APIResponse(responseCode = "200", description = "The cost of ownership")
  @APIResponse(responseCode = "400", description = "Bad horizon, audience or currency")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public CostOfOwnership cost(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional")
          @PathParam("slug")
          String slug,
      @Parameter(
              description = "Years of ownership, 1–50 (default 3)",
              example = "6",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "50",
                      defaultValue = "3"))
          @RestQuery
          String horizonYears,
      @Parameter(
              description = "MEMBER or NON_MEMBER; default: every audience (the range spans them)",
              example = "NON_MEMBER",
              schema = @Schema(implementation = PriceAudience.class))
          @RestQuery
          String audience,
      @Parameter(
              description = "ISO 4217 currency; default: the program's only currency",
              example = "USD",
              schema = @Schema(type = SchemaType.STRING, pattern = Bounds.CURRENCY_PATTERN))
          @RestQuery
          String currency,
      @Parameter(
              description = "Date whose prices are used; default today",
              example = "2025-01-01",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @RestQuery
          String asOf) {
    return programs.cost(
        slug,
        Bounds.horizonYears(QueryValues.integer("horizonYears", horizonYears)),
        QueryValues.one("audience", audience, PriceAudience.class),
        Bounds.currency("currency", currency),
        QueryValues.date("asOf", asOf));
  }

  @GET
  @Tag(name = "Aliases")
  @Path("/{slug}/aliases")
  @Operation(
      operationId = "listAliases",
      summary = "List a program's aliases",
      description =
          "Every alias of the program, as given and normalized, oldest first. The `ETag` is the program's version (use it in `If-Match` to add or remove an alias). No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The aliases",
      headers =
          @Header(
              name = "ETag",
              description =
                  "Strong entity tag of the program's version and of the bytes sent; If-Match compares the version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AliasView.class)))
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<List<AliasView>> aliases(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug) {
    return versioned(aliases.list(slug));
  }

  @GET
  @Tag(name = "Aliases")
  @Path("/{slug}/aliases/{alias}")
  @Operation(
      operationId = "getAlias",
      summary = "Get one alias",
      description =
          "The alias that normalizes like the path segment (\"ccxp\" finds \"CCXP®\"). The `ETag` is the program's version. No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The alias",
      headers =
          @Header(
              name = "ETag",
              description =
                  "Strong entity tag of the program's version and of the bytes sent; If-Match compares the version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AliasView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such program, or no alias of it normalizes like this")
  public RestResponse<AliasView> alias(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @Parameter(
              description = "The alias, URL-encoded; compared in normalized form",
              example = "CCXP")
          @PathParam("alias")
          String alias) {
    return versioned(aliases.get(slug, alias));
  }

  @GET
  @Tag(name = "Prices")
  @Path("/{slug}/prices/{id}")
  @Operation(
      operationId = "getPrice",
      summary = "Get one price",
      description =
          "One price row of the program, with its version as a strong `ETag` (send it back in `If-Match` to change the price). No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The price",
      headers =
          @Header(
              name = "ETag",
              description =
                  "Strong entity tag of the price's version and of the bytes sent; If-Match compares the version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such program, or the program has no price with this id")
  public RestResponse<PriceView> price(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @Parameter(
              description = "Price id (the `id` of a price in the program detail)",
              example = "1")
          @PathParam("id")
          long id) {
    return versioned(prices.get(slug, id));
  }

  @GET
  @Tag(name = "Exam formats")
  @Path("/{slug}/exams/{id}")
  @Operation(
      operationId = "getExamFormat",
      summary = "Get one exam format",
      description =
          "One exam format of the program, with its version as a strong `ETag` (send it back in `If-Match` to change it). No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The exam format",
      headers =
          @Header(
              name = "ETag",
              description =
                  "Strong entity tag of the exam format's version and of the bytes sent; If-Match compares the version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such program, or the program has no exam format with this id")
  public RestResponse<ExamFormatView> examFormat(
      @Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug,
      @Parameter(
              description = "Exam format id (the `id` of an exam in the program detail)",
              example = "1")
          @PathParam("id")
          long id) {
    return versioned(exams.get(slug, id));
  }

  @GET
  @Tag(name = "Renewal policies")
  @Path("/{slug}/renewal")
  @Operation(
      operationId = "getRenewalPolicy",
      summary = "Get the renewal policy",
      description =
          "The program's renewal policy with its version as a strong `ETag`. No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The renewal policy",
      headers =
          @Header(
              name = "ETag",
              description =
                  "Strong entity tag of the policy's version and of the bytes sent; If-Match compares the version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"0-3f2a9c0d1e4b5a69\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RenewalPolicyView.class)))
  @APIResponse(responseCode = "404", description = "No such program, or it has no renewal policy")
  public RestResponse<RenewalPolicyView> renewalPolicy(
      @Parameter(description = "Program slug", example = "certified-customer-service-professional")
          @PathParam("slug")
          String slug) {
    return versioned(renewals.get(slug));
  }

  /**
   * A single resource with the strong ETag of its version, the tag a client sends back in If-Match.
   */
  private static <T> RestResponse<T> versioned(Versioned<T> versioned) {
    return RestResponse.ResponseBuilder.ok(versioned.body())
        .tag(EntityTags.of(versioned.version()))
        .build();
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
