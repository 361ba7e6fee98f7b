package com.credentialcatalog.rest;

import com.credentialcatalog.service.read.ChangeFeedService;
import com.credentialcatalog.view.ChangeFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The change feed: how scrapers and partners sync incrementally. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "Change feed and full export for incremental synchronisation")
public class ChangeFeedResource {

  private final ChangeFeedService feed;

  public ChangeFeedResource(ChangeFeedService feed) {
    this.feed = feed;
  }

  @GET
  @Operation(
      operationId = "listChanges",
      summary = "Read the change feed",
      description =
          "Every catalog change (creates, updates, deletes) after a sequence number, oldest first. Commit order equals sequence order, so a reader that always passes the lastSeq it got never misses an event. Start from 0, or from the feedSequence of GET /export. A cursor beyond the newest event (latestSeq) is refused with 400 naming `after` and the latest sequence, never echoed back as progress.")
  @APIResponse(
      responseCode = "200",
      description = "Events after the given sequence",
      headers =
          @Header(name = "Link", description = "<…?after=lastSeq>; rel=\"next\" when hasMore"))
  @APIResponse(
      responseCode = "400",
      description =
          "Bad limit, or after negative or beyond the newest event (the problem names the latest sequence)")
  public RestResponse<ChangeFeed> changes(
      @Parameter(
              description = "Return events with a sequence above this (default 0)",
              example = "0",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int64",
                      minimum = "0",
                      defaultValue = "0"))
          @RestQuery
          String after,
      @Parameter(
              description = "Maximum events, 1–1000 (default 100)",
              example = "100",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @RestQuery
          String limit,
      @Context UriInfo uri) {
    Long a = QueryValues.longValue("after", after);
    ChangeFeed page = feed.after(a == null ? 0L : a, QueryValues.integer("limit", limit));
    RestResponse.ResponseBuilder<ChangeFeed> r = RestResponse.ResponseBuilder.ok(page);
    String next = PageLinks.next(uri, "after", page.hasMore() ? page.lastSeq() : null);
    if (next != null) {
      r.header("Link", next);
    }
    return r.build();
  }
}
