package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.WebhookStatus;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.view.webhook.DeliveryLog;
import com.credentialcatalog.view.webhook.DeliveryView;
import com.credentialcatalog.view.webhook.WebhookSecret;
import com.credentialcatalog.view.webhook.WebhookView;
import com.credentialcatalog.webhook.WebhookService;
import com.credentialcatalog.write.WebhookInput;
import io.smallrye.graphql.api.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Webhook subscriptions through GraphQL, over the same {@link WebhookService} as REST: the same
 * roles and scoping, the same checks of the target URL, {@code expectedVersion} for {@code
 * If-Match}.
 */
@GraphQLApi
@RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR, Roles.RECOGNITION_WRITER})
public class WebhookOperations {

  private final WebhookService webhooks;
  private final Validator validator;

  public WebhookOperations(WebhookService webhooks, Validator validator) {
    this.webhooks = webhooks;
    this.validator = validator;
  }

  /** Changes to a subscription: fields left out (or null) stay as they are. */
  @Input("WebhookUpdateInput")
  public record WebhookUpdateInput(
      String targetUrl,
      String description,
      @Nullable List<@Nullable @NonNull String> entityTypes,
      @Nullable List<@Nullable @NonNull String> providerSlugs,
      @Nullable List<@Nullable @NonNull String> programSlugs,
      @Nullable List<@Nullable @NonNull ChangeOperation> operations) {}

  @Query("webhooks")
  @Description(
      "Your webhook subscriptions (all of them for catalog-admin), oldest first: up to limit"
          + " (default 1000) after the subscription id `after`; pass the last id you got for more.")
  public @NonNull List<@NonNull WebhookView> webhooks(
      @Name("after") @Id @Description("The last id of the previous page") String after,
      @Name("limit") @DefaultValue("1000") @Description("1–1000 (default 1000)") Integer limit) {
    return webhooks.list(after == null ? null : number("after", after), limit).items();
  }

  @Query("webhook")
  @Description("One of your webhook subscriptions.")
  public WebhookView webhook(@NonNull @Id @Name("id") String id) {
    return webhooks.get(id(id));
  }

  @Query("webhookDeliveries")
  @Description("A subscription's delivery log, newest first; pass nextBefore as before for more.")
  public @NonNull DeliveryLog webhookDeliveries(
      @NonNull @Id @Name("id") String id,
      @Name("before") @Description("A nextBefore of an earlier page") String before,
      @Name("limit") @DefaultValue("20") @Description("1–100 (default 20)") Integer limit) {
    return webhooks.deliveries(id(id), before == null ? null : number("before", before), limit);
  }

  @Mutation("createWebhook")
  @Description(
      "Subscribes targetUrl to matching change events from now on; the answer's secret is shown only"
          + " here. catalog-admin: anything; provider-editor: its token's providers;"
          + " recognition-writer: recognition-signal events.")
  public @NonNull WebhookSecret createWebhook(@NonNull @Name("input") WebhookInput input) {
    return webhooks.create(InvalidInputException.check(input, validator));
  }

  @Mutation("updateWebhook")
  @Description("Changes a subscription's target or filters (fields left out stay).")
  public @NonNull WebhookView updateWebhook(
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion") @Description("Required: the version you read") Integer version,
      @NonNull @Name("changes") WebhookUpdateInput changes) {
    long expected = Versions.required(version, "webhook " + id);
    return webhooks.update(
        id(id),
        expected,
        current ->
            InvalidInputException.check(
                new WebhookInput(
                    or(changes.targetUrl(), current.targetUrl()),
                    or(changes.description(), current.description()),
                    or(changes.entityTypes(), current.entityTypes()),
                    or(changes.providerSlugs(), current.providerSlugs()),
                    or(changes.programSlugs(), current.programSlugs()),
                    or(changes.operations(), current.operations())),
                validator));
  }

  @Mutation("deleteWebhook")
  @Description("Deletes a subscription and its delivery log; returns its id.")
  public @NonNull @Id String deleteWebhook(
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion") @Description("Required: the version you read") Integer version) {
    webhooks.delete(id(id), Versions.required(version, "webhook " + id));
    return id;
  }

  @Mutation("pauseWebhook")
  @Description("Pauses deliveries; events wait and are delivered in order after a resume.")
  public @NonNull WebhookView pauseWebhook(
      @NonNull @Id @Name("id") String id, @Name("expectedVersion") Integer version) {
    return webhooks.setStatus(
        id(id), version == null ? null : version.longValue(), WebhookStatus.PAUSED);
  }

  @Mutation("resumeWebhook")
  @Description(
      "Resumes a paused or disabled subscription; a disabled one retries where it stopped.")
  public @NonNull WebhookView resumeWebhook(
      @NonNull @Id @Name("id") String id, @Name("expectedVersion") Integer version) {
    return webhooks.setStatus(
        id(id), version == null ? null : version.longValue(), WebhookStatus.ACTIVE);
  }

  @Mutation("redeliverWebhookDelivery")
  @Description("Sends a logged delivery's event again, with the same webhook-id.")
  public @NonNull DeliveryView redeliverWebhookDelivery(
      @NonNull @Id @Name("id") String id, @NonNull @Id @Name("deliveryId") String deliveryId) {
    return webhooks.redeliver(id(id), number("deliveryId", deliveryId));
  }

  @Mutation("replayWebhook")
  @Description("Delivers every matching event from fromSequence on again, in order.")
  public @NonNull WebhookView replayWebhook(
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("fromSequence") @Description("First change-feed sequence to send again")
          Long fromSequence) {
    return webhooks.replay(id(id), fromSequence);
  }

  private static long id(String id) {
    return number("id", id);
  }

  private static long number(String field, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          field, field + " must be a whole number, got '" + value + "'");
    }
  }

  private static <T> T or(T changed, T current) {
    return changed == null ? current : changed;
  }
}
