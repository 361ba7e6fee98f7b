package com.credentialcatalog.rest;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.service.read.ProgramService;
import com.credentialcatalog.view.Comparison;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Side-by-side comparison of programs. */
@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Comparison",
    description = "Programs side by side, with cost of ownership and findings")
public class CompareResource {

  private final ProgramService programs;

  public CompareResource(ProgramService programs) {
    this.programs = programs;
  }

  @GET
  @Operation(
      operationId = "comparePrograms",
      summary = "Compare programs",
      description =
          "2–10 programs side by side: a row per attribute, a column per program, findings (cheapest over the horizon, shortest exam, lowest experience bar, lowest renewal cost per year) and each program's difference to the best.")
  @APIResponse(responseCode = "200", description = "The comparison")
  @APIResponse(
      responseCode = "400",
      description = "Fewer than 2 or more than 10 programs, or a bad parameter")
  @APIResponse(responseCode = "404", description = "A slug names no program")
  public Comparison compare(
      @Parameter(
              description = "2–10 program slugs, comma-separated or repeated",
              example = "ccxp,certified-customer-service-professional",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = String.class,
                      minItems = 2,
                      maxItems = 10))
          @RestQuery
          List<String> programs,
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
              description = "MEMBER or NON_MEMBER; default: every audience",
              example = "NON_MEMBER",
              schema = @Schema(implementation = PriceAudience.class))
          @RestQuery
          String audience,
      @Parameter(
              description = "ISO 4217 currency to count in (default USD)",
              example = "USD",
              schema = @Schema(type = SchemaType.STRING, pattern = Bounds.CURRENCY_PATTERN))
          @RestQuery
          String currency) {
    List<String> slugs = new ArrayList<>();
    if (programs != null) {
      programs.forEach(
          p ->
              List.of(p.split(",")).stream()
                  .map(String::trim)
                  .filter(s -> !s.isEmpty())
                  .forEach(slugs::add));
    }
    return this.programs.compare(
        slugs,
        Bounds.horizonYears(QueryValues.integer("horizonYears", horizonYears)),
        QueryValues.one("audience", audience, PriceAudience.class),
        Bounds.currency("currency", currency));
  }
}
