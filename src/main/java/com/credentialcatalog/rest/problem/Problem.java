package com.credentialcatalog.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the one shape of every error this API returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
    @Schema(description = "Stable identifier of the problem kind", examples = "/problems/not-found")
        String type,
    @Schema(description = "Short summary of the problem kind", examples = "Not Found") String title,
    @Schema(description = "HTTP status", examples = "404") int status,
    @Schema(description = "What went wrong, for a human", examples = "No program with slug 'ccxq'")
        String detail,
    @Schema(description = "The request path", examples = "/api/v1/programs/ccxq") String instance,
    @Schema(description = "For validation problems: each offending field and why")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input: where it is (field, query parameter, JSON path) and what is wrong. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(examples = "limit") String field,
      @Schema(examples = "must be less than or equal to 100") String message) {}
}
