package com.credentialcatalog.rest;

import com.credentialcatalog.service.ProviderService;
import com.credentialcatalog.view.Page;
import com.credentialcatalog.view.ProviderView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Providers: issuing bodies, training vendors, universities, test vendors. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class ProviderResource {

  private final ProviderService providers;

  public ProviderResource(ProviderService providers) {
    this.providers = providers;
  }

  @GET
  @Operation(summary = "List providers", description = "Every provider, ordered by name, with its program count.")
  public Page<ProviderView> list() {
    return new Page<>(providers.list(), null);
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "Get a provider", description = "One provider by slug.")
  @APIResponse(responseCode = "200", description = "The provider")
  @APIResponse(responseCode = "404", description = "No provider has this slug")
  public ProviderView get(@Parameter(description = "Provider slug", example = "cxpa") @PathParam("slug") String slug) {
    return providers.get(slug);
  }
}
