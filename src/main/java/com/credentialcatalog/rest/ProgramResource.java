package com.credentialcatalog.rest;

import com.credentialcatalog.service.ProgramService;
import com.credentialcatalog.view.ProgramDetail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Programs (credentials). */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
public class ProgramResource {

  private final ProgramService programs;

  public ProgramResource(ProgramService programs) {
    this.programs = programs;
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "Get a program", description = "Full detail of one program: provider, prices (history included), exams, renewal, eligibility routes, aliases, outcome claims and the sources of every fact.")
  @APIResponse(responseCode = "200", description = "The program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public ProgramDetail get(@Parameter(description = "Program slug", example = "ccxp") @PathParam("slug") String slug) {
    return programs.detail(slug);
  }
}
