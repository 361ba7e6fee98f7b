package com.credentialcatalog.rest.admin;

import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.ReadModelService;
import com.credentialcatalog.service.ReadModelService.RebuildReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the read model (README "Read model"), for catalog administrators. */
@Path("/api/v1/admin/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Maintenance operations for catalog administrators")
@SecurityRequirement(name = "jwt")
public class ReadModelResource {

  private final ReadModelService readModel;
  private final ProviderScope scope;

  public ReadModelResource(ReadModelService readModel, ProviderScope scope) {
    this.readModel = readModel;
    this.scope = scope;
  }

  /** What a rebuild did. */
  @Schema(description = "The outcome of a read-model rebuild.")
  public record Rebuilt(
      @Schema(description = "Programs derived", examples = "13") long programs,
      @Schema(description = "Time the rebuild took, in milliseconds", examples = "120")
          long millis) {}

  @POST
  @Path("/rebuild")
  @RolesAllowed(Roles.CATALOG_ADMIN)
  @Operation(
      operationId = "rebuildReadModel",
      summary = "Rebuild the read model",
      description =
          "Re-derives every program's read-model row (filter figures, cost windows, prebuilt detail) from the catalog's tables, in one transaction: readers see the previous rows until it commits. Needed only after loading data with plain SQL and triggers off (bulk loads); writes through the API keep the read model current by themselves. Only `catalog-admin` may. Appends a `read-model` UPDATE change event, so cached answers and ETags renew.")
  @APIResponse(
      responseCode = "200",
      description = "Rebuilt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Rebuilt.class)))
  @APIResponse(responseCode = "403", description = "The token is not `catalog-admin`")
  public Rebuilt rebuild() {
    RebuildReport report = readModel.rebuild(scope.actor());
    return new Rebuilt(report.programs(), report.millis());
  }
}
