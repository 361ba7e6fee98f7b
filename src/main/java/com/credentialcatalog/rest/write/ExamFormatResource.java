package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.write.ExamFormatService;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.ExamFormatInput;
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
 * One exam format of a program. A program's exams are listed in its detail ({@code GET
 * /programs/{slug}}); the class path equals {@code ProgramResource}'s so both share one routing
 * table.
 */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exam formats", description = "How a program's exams run")
public class ExamFormatResource {

  private final ExamFormatService exams;
  private final MergePatch mergePatch;

  public ExamFormatResource(ExamFormatService exams, MergePatch mergePatch) {
    this.exams = exams;
    this.mergePatch = mergePatch;
  }

  @POST
  @Path("/{slug}/exams")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "createExamFormat",
      summary = "Add an exam format",
      description =
          "Adds an exam format to the program; the program's version (ETag) goes up too. `catalog-admin`, or `provider-editor` holding the program's provider. Appends an `exam-format` CREATE change event (slug: the program's).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatInput.class),
              examples =
                  @ExampleObject(
                      name = "exam",
                      value =
                          """
          {"name": "ACXA exam", "durationMinutesMin": 90, "durationMinutesMax": 90, "questionCountMin": 60,
           "questionCountMax": 60, "multipleChoicePctMin": 80, "multipleChoicePctMax": 80, "scenarioPctMin": 20,
           "scenarioPctMax": 20, "passingScoreMin": 70, "passingScoreScale": "PERCENT", "proctoring": ["REMOTE"],
           "testVendors": ["pearson-vue"], "retakeAttempts": 3, "retakeWindowMonths": 12, "retakeWaitDays": 14,
           "languages": ["en"]}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      headers = {
        @Header(
            name = "Location",
            description = "URL of the new exam format",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Strong entity tag of the exam format's version",
            schema = @Schema(type = SchemaType.STRING, examples = "\"0\""))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body; `errors[].field` names each bad field (a max below its min, item shares over 100, an unknown test vendor…)")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No program has this slug")
  public RestResponse<ExamFormatView> create(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Valid @NotNull ExamFormatInput body,
      @Context UriInfo uri) {
    Versioned<ExamFormatView> created = exams.create(slug, body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().path(Long.toString(created.body().id())).build(),
        created.body(),
        created.version());
  }

  @PUT
  @Path("/{slug}/exams/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "replaceExamFormat",
      summary = "Replace an exam format",
      description =
          "Replaces every field of the exam format; absent fields become null (lists empty). Needs `If-Match` with the exam format's ETag. Same roles as POST. Appends an `exam-format` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatInput.class),
              examples =
                  @ExampleObject(
                      name = "exam",
                      value =
                          """
          {"name": "ACXA exam", "durationMinutesMin": 120, "durationMinutesMax": 120, "questionCountMin": 75,
           "questionCountMax": 75, "passingScoreMin": 70, "passingScoreScale": "PERCENT", "proctoring": ["REMOTE", "TEST_CENTER"]}""")))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the exam format's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatView.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or exam format")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the exam format's current version")
  public RestResponse<ExamFormatView> replace(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Exam format id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the exam format version this change is based on",
              example = "\"0\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull ExamFormatInput body) {
    long version = IfMatch.required(ifMatch, "exam format " + id);
    return WriteResponses.ok(exams.replace(slug, id, version, current -> body));
  }

  @PATCH
  @Path("/{slug}/exams/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "updateExamFormat",
      summary = "Change some fields of an exam format",
      description =
          "JSON Merge Patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too) over the fields of ExamFormatInput: members present change, `null` clears, absent members stay; the result is validated like a PUT body. Needs `If-Match`. Same roles as POST. Appends an `exam-format` UPDATE change event.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ExamFormatInput.class),
              examples =
                  @ExampleObject(
                      name = "longer exam",
                      value = "{\"durationMinutesMax\": 150, \"note\": null}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed; `ETag` is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "Strong entity tag of the exam format's new version",
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExamFormatView.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or exam format")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the exam format's current version")
  public RestResponse<ExamFormatView> patch(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Exam format id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the exam format version this change is based on",
              example = "\"1\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "exam format " + id);
    return WriteResponses.ok(
        exams.replace(
            slug, id, version, current -> mergePatch.apply(current, patch, ExamFormatInput.class)));
  }

  @DELETE
  // 204 or a problem; generated clients accept only application/problem+json here, not a 406.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Path("/{slug}/exams/{id}")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @SecurityRequirement(name = "jwt")
  @Operation(
      operationId = "deleteExamFormat",
      summary = "Delete an exam format",
      description =
          "Deletes an exam format. Needs `If-Match` with the exam format's ETag. Same roles as POST. Appends an `exam-format` DELETE change event.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The token may not edit this program")
  @APIResponse(responseCode = "404", description = "No such program or exam format")
  @APIResponse(
      responseCode = "412",
      description = "`If-Match` is not the exam format's current version")
  public RestResponse<Void> delete(
      @Parameter(description = "Program slug", example = "acme-cx-analyst") @PathParam("slug")
          String slug,
      @Parameter(description = "Exam format id", example = "1") @PathParam("id") long id,
      @Parameter(
              description = "ETag of the exam format's current version",
              example = "\"2\"",
              required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    exams.delete(slug, id, IfMatch.required(ifMatch, "exam format " + id));
    return WriteResponses.noContent();
  }
}
