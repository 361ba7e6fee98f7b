package com.credentialcatalog.rest.write;

import com.credentialcatalog.domain.WebhookStatus;
import com.credentialcatalog.rest.PageLinks;
import com.credentialcatalog.rest.QueryValues;
import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.view.webhook.DeliveryLog;
import com.credentialcatalog.view.webhook.DeliveryView;
import com.credentialcatalog.view.webhook.WebhookSecret;
import com.credentialcatalog.view.webhook.WebhookView;
import com.credentialcatalog.webhook.WebhookService;
import com.credentialcatalog.write.WebhookInput;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Webhook subscriptions and their delivery logs (README "Webhooks"). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Webhooks",
    description =
        "Signed pushes of change events (Standard Webhooks headers), in feed order, at least once")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR, Roles.RECOGNITION_WRITER})
public class WebhookResource {

  private static final String ID_EXAMPLE = "7";

  private final WebhookService webhooks;
  private final MergePatch mergePatch;

  public WebhookResource(WebhookService webhooks, MergePatch mergePatch) {
    this.webhooks = webhooks;
    this.mergePatch = mergePatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe to changes",
      description =
          "Creates a subscription that receives every matching change event from now on, POSTed to `targetUrl` with `webhook-id`, `webhook-timestamp` and `webhook-signature` headers. The answer holds the signing secret, shown only here. `catalog-admin` may subscribe to anything, `provider-editor` to the providers its token names (the default filter), `recognition-writer` to `recognition-signal` events. `targetUrl` must be https:// and resolve only to public addresses.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookInput.class),
              examples =
                  @ExampleObject(
                      name = "price changes of one provider",
                      value =
                          """
          {"targetUrl": "https://partner.example/hooks/catalog", "description": "CRM sync",
           "entityTypes": ["program", "price"], "providerSlugs": ["cxpa"], "operations": ["CREATE", "UPDATE"]}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it, `ETag` is its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookSecret.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body; `errors[].field` names it (e.g. `targetUrl` not https or resolving to a private address)")
  @APIResponse(
      responseCode = "403",
      description = "A filter reaches beyond the token's providers or role")
  public RestResponse<WebhookSecret> create(
      @Valid @NotNull WebhookInput body, @Context UriInfo uri) {
    WebhookSecret created = webhooks.create(body);
    return WriteResponses.created(
        uri.getAbsolutePathBuilder().path(String.valueOf(created.webhook().id())).build(),
        created,
        created.webhook().version());
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List your subscriptions",
      description =
          "The caller's subscriptions, oldest first; every subscription for `catalog-admin`. Up to `limit` (1000 unless asked for fewer); when there are more, `Link: <…&after=…>; rel=\"next\"` points at the next page.")
  @APIResponse(
      responseCode = "200",
      description = "Subscriptions",
      headers =
          @Header(
              name = "Link",
              description = "<…&after=…>; rel=\"next\" when there is a next page"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", description = "Bad `limit` or `after`")
  public RestResponse<List<WebhookView>> list(
      @Parameter(
              description = "Subscriptions after this id (the last id of the previous page)",
              example = ID_EXAMPLE,
              schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
          @RestQuery
          String after,
      @Parameter(
              description = "Page size, 1–1000 (default 1000)",
              example = "100",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "1000"))
          @RestQuery
          String limit,
      @Context UriInfo uri) {
    WebhookService.SubscriptionPage page =
        webhooks.list(QueryValues.longValue("after", after), QueryValues.integer("limit", limit));
    RestResponse.ResponseBuilder<List<WebhookView>> r =
        RestResponse.ResponseBuilder.ok(page.items());
    String next = PageLinks.next(uri, "after", page.nextAfter());
    if (next != null) {
      r.header("Link", next);
    }
    return r.build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhook",
      summary = "Read a subscription",
      description =
          "The subscription's target, filters, status (with `disabledReason` when the dispatcher disabled it) and `cursorSeq`, the feed sequence every matching event up to which was acknowledged. Never the secret.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription; `ETag` is its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public RestResponse<WebhookView> get(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id) {
    WebhookView w = webhooks.get(id);
    return WriteResponses.ok(w, w.version());
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateWebhook",
      summary = "Change a subscription's target or filters",
      description =
          "JSON Merge Patch (RFC 7396) of the subscription's input; the result is checked like a create body. Needs `If-Match`. Takes effect from the next batch of deliveries.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = WebhookInput.class),
              examples =
                  @ExampleObject(
                      name = "all operations",
                      value = "{\"operations\": null, \"description\": \"CRM sync (all)\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", description = "The patch or its result is invalid")
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the current version")
  @APIResponse(responseCode = "428", description = "`If-Match` is missing")
  public RestResponse<WebhookView> patch(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "ETag of the version this change is based on", example = "\"0\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    long version = IfMatch.required(ifMatch, "webhook " + id);
    WebhookView w =
        webhooks.update(
            id, version, current -> mergePatch.apply(current, patch, WebhookInput.class));
    return WriteResponses.ok(w, w.version());
  }

  @DELETE
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a subscription",
      description = "Deletes the subscription and its delivery log. Needs `If-Match`.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  @APIResponse(responseCode = "412", description = "`If-Match` is not the current version")
  public RestResponse<Void> delete(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "ETag of the current version", example = "\"0\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    webhooks.delete(id, IfMatch.required(ifMatch, "webhook " + id));
    return WriteResponses.noContent();
  }

  @POST
  @Path("/{id}/pause")
  @Operation(
      operationId = "pauseWebhook",
      summary = "Pause deliveries",
      description =
          "Events keep accumulating and are delivered, in order, after a resume. `If-Match` is optional.")
  @APIResponse(
      responseCode = "200",
      description = "Paused",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public RestResponse<WebhookView> pause(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "ETag of the current version (optional)", example = "\"0\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    WebhookView w = webhooks.setStatus(id, IfMatch.optional(ifMatch), WebhookStatus.PAUSED);
    return WriteResponses.ok(w, w.version());
  }

  @POST
  @Path("/{id}/resume")
  @Operation(
      operationId = "resumeWebhook",
      summary = "Resume deliveries",
      description =
          "Makes a paused or disabled subscription active again. A disabled one retries the event it stopped at first, with a fresh retry period. `If-Match` is optional.")
  @APIResponse(
      responseCode = "200",
      description = "Active",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public RestResponse<WebhookView> resume(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "ETag of the current version (optional)", example = "\"1\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    WebhookView w = webhooks.setStatus(id, IfMatch.optional(ifMatch), WebhookStatus.ACTIVE);
    return WriteResponses.ok(w, w.version());
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Replace the signing secret",
      description =
          "A new secret signs every delivery from now on; the old one stops at once. The answer is the only place the new secret is shown. `If-Match` is optional.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription with its new secret",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookSecret.class)))
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public RestResponse<WebhookSecret> rotateSecret(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "ETag of the current version (optional)", example = "\"1\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    WebhookSecret s = webhooks.rotateSecret(id, IfMatch.optional(ifMatch));
    return WriteResponses.ok(s, s.webhook().version());
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The delivery log",
      description =
          "Deliveries of this subscription, newest first: status, attempts, the last answer's status code and duration, and when the next attempt is due. Acknowledged deliveries are kept for `catalog.webhooks.log-retention` (7 days).")
  @APIResponse(
      responseCode = "200",
      description = "A page of the log",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryLog.class)))
  @APIResponse(responseCode = "400", description = "Bad `limit` or `before`")
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public DeliveryLog deliveries(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(
              description = "Deliveries older than this id (a `nextBefore`)",
              example = "981",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
          @RestQuery
          String before,
      @Parameter(
              description = "Page size, 1–100 (default 20)",
              example = "20",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          @RestQuery
          String limit) {
    return webhooks.deliveries(
        id, QueryValues.longValue("before", before), QueryValues.integer("limit", limit));
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  @Operation(
      operationId = "redeliverWebhookDelivery",
      summary = "Send a delivery again",
      description =
          "Queues the logged delivery's event again, with the same `webhook-id`, after whatever this subscription is still waiting to deliver.")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the new log entry",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription or delivery")
  public RestResponse<DeliveryView> redeliver(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(description = "Delivery id from the log", example = "1001")
          @PathParam("deliveryId")
          long deliveryId) {
    return RestResponse.ResponseBuilder.<DeliveryView>create(RestResponse.Status.ACCEPTED)
        .entity(webhooks.redeliver(id, deliveryId))
        .build();
  }

  @POST
  @Path("/{id}/replay")
  @Operation(
      operationId = "replayWebhook",
      summary = "Deliver again from a feed sequence",
      description =
          "Every matching event with a sequence from `fromSequence` on is delivered again, in order (each with its own stable `webhook-id`, so receivers can drop what they already have). Deliveries still waiting are dropped.")
  @APIResponse(
      responseCode = "202",
      description = "Replay queued; `cursorSeq` is fromSequence − 1",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(
      responseCode = "400",
      description = "`fromSequence` missing, below 1 or beyond the feed's latest sequence + 1")
  @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
  public RestResponse<WebhookView> replay(
      @Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") long id,
      @Parameter(
              description = "First change-feed sequence to deliver again",
              example = "40",
              required = true,
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @RestQuery
          String fromSequence) {
    Long from = QueryValues.longValue("fromSequence", fromSequence);
    if (from == null) {
      throw new com.credentialcatalog.query.InvalidInputException(
          "fromSequence", "fromSequence is required");
    }
    return RestResponse.ResponseBuilder.<WebhookView>create(RestResponse.Status.ACCEPTED)
        .entity(webhooks.replay(id, from))
        .build();
  }
}
