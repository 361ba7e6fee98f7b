package com.credentialcatalog.rest;

import com.credentialcatalog.request.EligibilityProfile;
import com.credentialcatalog.service.read.ProgramQueryService;
import com.credentialcatalog.service.read.ProgramService;
import com.credentialcatalog.view.EligibilityResults;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Which programs a candidate can sit now, and what is missing for the others. */
@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Who can sit which program")
public class EligibilityResource {

  private final ProgramQueryService query;
  private final ProgramService programs;

  public EligibilityResource(ProgramQueryService query, ProgramService programs) {
    this.query = query;
    this.programs = programs;
  }

  @POST
  @Operation(
      operationId = "checkEligibility",
      summary = "Check eligibility",
      description =
          "Evaluates a candidate profile against programs. Takes the same query parameters as GET /programs to choose which programs (filter, sort, limit, cursor). Per program: ELIGIBLE (and via which route), NOT_ELIGIBLE with exactly the missing conditions per route, or UNKNOWN when the sources or the profile do not say enough.")
  @APIResponse(responseCode = "200", description = "Eligibility per program")
  @APIResponse(
      responseCode = "400",
      description = "Invalid profile or parameter (the problem names it)")
  public RestResponse<EligibilityResults> check(
      @Valid @NotNull EligibilityProfile profile,
      @BeanParam ProgramQueryParams params,
      @Context UriInfo uri) {
    var page =
        query.findDetails(
            params.filter(), params.order(), params.cursor(), params.limit(), Set.of(), true);
    EligibilityResults body =
        new EligibilityResults(
            programs.eligibility(page.items(), profile), page.nextCursor(), page.totalCount());
    return ProgramResource.withNextLink(body, page.nextCursor(), uri);
  }
}
