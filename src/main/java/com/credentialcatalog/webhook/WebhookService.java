package com.credentialcatalog.webhook;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.WebhookStatus;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.failure.StaleVersionException;
import com.credentialcatalog.view.webhook.DeliveryLog;
import com.credentialcatalog.view.webhook.DeliveryView;
import com.credentialcatalog.view.webhook.WebhookSecret;
import com.credentialcatalog.view.webhook.WebhookView;
import com.credentialcatalog.write.WebhookInput;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Webhook subscriptions for REST and GraphQL alike. Who may subscribe to what: {@code
 * catalog-admin} to anything; {@code provider-editor} to changes of the providers its token names
 * (and their programs); {@code recognition-writer} to recognition changes only. The same rule is
 * applied again to every event the dispatcher matches ({@link DeliveryQueue}), so a subscription
 * never sees more than the token that created it could.
 */
@ApplicationScoped
public class WebhookService {

  /** The entity types the change feed names. */
  public static final Set<String> ENTITY_TYPES =
      Set.of(
          "provider",
          "program",
          "price",
          "exam-format",
          "renewal-policy",
          "alias",
          "recognition-signal",
          "read-model");

  static final String RECOGNITION = "recognition-signal";
  private static final String RESOURCE = "webhook";
  private static final int MAX_SUBSCRIPTIONS_LISTED = 1000;

  private final SubscriptionRepository store;
  private final ProviderScope scope;
  private final SecurityIdentity identity;
  private final WebhookConfig config;

  public WebhookService(
      SubscriptionRepository store,
      ProviderScope scope,
      SecurityIdentity identity,
      WebhookConfig config) {
    this.store = store;
    this.scope = scope;
    this.identity = identity;
    this.config = config;
  }

  /** Who is asking, as far as webhooks care. */
  private record Caller(String subject, String role, List<String> providers) {
    boolean admin() {
      return role.equals(Roles.CATALOG_ADMIN);
    }
  }

  /**
   * Creates a subscription that starts with the next change (use {@link #replay} for earlier ones).
   *
   * @return the subscription with its secret, which is not shown again
   * @throws InvalidInputException naming the field: a bad or non-public target URL, an unknown
   *     entity type, provider or program
   * @throws ForbiddenException when a filter reaches beyond what the token may see
   */
  @Transactional
  public WebhookSecret create(WebhookInput input) {
    Caller caller = caller();
    SubscriptionRepository.Settings settings = settings(caller, input);
    String secret = WebhookSignature.newSecret();
    long id = store.insert(caller.subject(), caller.role(), caller.providers(), secret, settings);
    return new WebhookSecret(secret, load(id).view());
  }

  /**
   * The caller's subscriptions (every one for an admin), oldest first, a page at a time.
   *
   * @param after the last id of the previous page ({@code nextAfter}); null for the first page
   * @param limit page size 1–1000; null for 1000, the size the list had before it was paged
   * @throws InvalidInputException naming {@code limit} or {@code after}
   */
  @Transactional
  public SubscriptionPage list(Long after, Integer limit) {
    int size = Bounds.pageSize(limit, MAX_SUBSCRIPTIONS_LISTED, MAX_SUBSCRIPTIONS_LISTED);
    if (after != null && after < 0) {
      throw InvalidInputException.of(
          "after", InvalidInputException.Kind.OUT_OF_RANGE, "{} must be a subscription id");
    }
    Caller caller = caller();
    List<WebhookView> rows =
        store.list(caller.admin() ? null : caller.subject(), after, size + 1).stream()
            .map(Subscription::view)
            .toList();
    boolean more = rows.size() > size;
    List<WebhookView> shown = more ? rows.subList(0, size) : rows;
    return new SubscriptionPage(List.copyOf(shown), more ? shown.get(size - 1).id() : null);
  }

  /**
   * One page of subscriptions.
   *
   * @param nextAfter the id to pass as {@code after} for the next page; null on the last page
   */
  public record SubscriptionPage(List<WebhookView> items, Long nextAfter) {}

  /**
   * One subscription.
   *
   * @throws NotFoundException when there is none the caller may see
   */
  @Transactional
  public WebhookView get(long id) {
    return visible(id, caller()).view();
  }

  /**
   * Changes a subscription's target and filters: {@code change} makes the new input of the current
   * one (PATCH merges, GraphQL keeps what is left out).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the current version
   */
  @Transactional
  public WebhookView update(long id, long expectedVersion, UnaryOperator<WebhookInput> change) {
    Caller caller = caller();
    Subscription current = visible(id, caller);
    requireVersion(current, expectedVersion);
    WebhookInput next = change.apply(input(current));
    if (!store.update(id, expectedVersion, settings(caller, next))) {
      throw stale(id);
    }
    return load(id).view();
  }

  /** Deletes a subscription and its delivery log. */
  @Transactional
  public void delete(long id, long expectedVersion) {
    Subscription current = visible(id, caller());
    requireVersion(current, expectedVersion);
    if (!store.delete(id, expectedVersion)) {
      throw stale(id);
    }
  }

  /**
   * Pauses (events wait) or resumes a subscription; resuming a disabled one retries the event it
   * stopped at, with a fresh retry period.
   *
   * @param expectedVersion null to change whatever the current version is
   */
  @Transactional
  public WebhookView setStatus(long id, Long expectedVersion, WebhookStatus status) {
    if (status == WebhookStatus.DISABLED) {
      throw new InvalidInputException("status", "only the dispatcher disables a subscription");
    }
    Subscription current = visible(id, caller());
    long version = expectedVersion == null ? current.version() : expectedVersion;
    requireVersion(current, version);
    if (!store.setStatus(id, version, status)) {
      throw stale(id);
    }
    return load(id).view();
  }

  /** A new secret, effective for the next delivery; the old one stops signing at once. */
  @Transactional
  public WebhookSecret rotateSecret(long id, Long expectedVersion) {
    Subscription current = visible(id, caller());
    long version = expectedVersion == null ? current.version() : expectedVersion;
    requireVersion(current, version);
    String secret = WebhookSignature.newSecret();
    if (!store.replaceSecret(id, version, secret)) {
      throw stale(id);
    }
    return new WebhookSecret(secret, load(id).view());
  }

  /**
   * The delivery log, newest first.
   *
   * @param before a {@code nextBefore} of an earlier page, or null
   * @param limit 1–100; null for 20
   */
  @Transactional
  public DeliveryLog deliveries(long id, Long before, Integer limit) {
    visible(id, caller());
    int size = Bounds.pageSize(limit);
    List<DeliveryView> page = store.deliveries(id, before, size + 1);
    boolean more = page.size() > size;
    List<DeliveryView> shown = more ? page.subList(0, size) : page;
    return new DeliveryLog(List.copyOf(shown), more ? shown.get(shown.size() - 1).id() : null);
  }

  /**
   * Sends a logged delivery's event again (same {@code webhook-id}), after what already waits.
   *
   * @throws NotFoundException when the subscription has no such delivery
   */
  @Transactional
  public DeliveryView redeliver(long id, long deliveryId) {
    visible(id, caller());
    DeliveryView old =
        store
            .delivery(id, deliveryId)
            .orElseThrow(
                () ->
                    new NotFoundException("delivery of webhook " + id, String.valueOf(deliveryId)));
    return store.redeliver(id, old.eventSeq(), old.messageId());
  }

  /**
   * Sends every matching event from {@code fromSequence} on again, in order; what waited is
   * dropped.
   *
   * @throws InvalidInputException naming {@code fromSequence} when it is below 1 or beyond the next
   *     sequence of the feed
   */
  @Transactional
  public WebhookView replay(long id, long fromSequence) {
    visible(id, caller());
    long latest = store.latestSeq();
    if (fromSequence < 1 || fromSequence > latest + 1) {
      throw InvalidInputException.of(
          "fromSequence",
          InvalidInputException.Kind.OUT_OF_RANGE,
          "{} must be between 1 and " + (latest + 1) + " (the feed's latest sequence + 1)");
    }
    store.replay(id, fromSequence);
    return load(id).view();
  }

  /** The webhook-id of an event sent to a subscription: the same for every attempt. */
  static String messageId(long subscriptionId, long eventSeq) {
    return "msg_" + subscriptionId + "_" + eventSeq;
  }

  private SubscriptionRepository.Settings settings(Caller caller, WebhookInput input) {
    TargetUrls.require(input.targetUrl(), config.allowPrivateTargets());
    List<String> types = distinct(input.entityTypes());
    for (String t : types) {
      if (!ENTITY_TYPES.contains(t)) {
        throw new InvalidInputException(
            "entityTypes",
            "entityTypes: '" + t + "' is not an entity type; one of " + sorted(ENTITY_TYPES));
      }
    }
    List<String> providers = distinct(input.providerSlugs());
    List<String> programs = distinct(input.programSlugs());
    List<String> unknownProviders = new ArrayList<>(providers);
    unknownProviders.removeAll(
        providers.isEmpty() ? List.of() : store.existingProviders(providers));
    if (!unknownProviders.isEmpty()) {
      throw new InvalidInputException(
          "providerSlugs", "providerSlugs: no provider has slug " + unknownProviders);
    }
    Map<String, String> programProviders =
        programs.isEmpty() ? Map.of() : store.programProviders(programs);
    List<String> unknownPrograms = new ArrayList<>(programs);
    unknownPrograms.removeAll(programProviders.keySet());
    if (!unknownPrograms.isEmpty()) {
      throw new InvalidInputException(
          "programSlugs", "programSlugs: no program has slug " + unknownPrograms);
    }
    switch (caller.role()) {
      case Roles.RECOGNITION_WRITER -> {
        if (types.isEmpty()) {
          types = List.of(RECOGNITION);
        } else if (!types.equals(List.of(RECOGNITION))) {
          throw new ForbiddenException(
              "A "
                  + Roles.RECOGNITION_WRITER
                  + " may subscribe to entityTypes ["
                  + RECOGNITION
                  + "] only");
        }
      }
      case Roles.PROVIDER_EDITOR -> {
        if (caller.providers().isEmpty()) {
          throw new ForbiddenException(
              "Your token names no provider in its '" + Roles.PROVIDERS_CLAIM + "' claim");
        }
        if (providers.isEmpty()) {
          providers = caller.providers();
        }
        for (String p : providers) {
          scope.requireProvider(p, "subscribe to changes of");
        }
        for (String program : programs) {
          scope.requireProvider(programProviders.get(program), "subscribe to programs of");
        }
      }
      default -> {}
    }
    String description =
        input.description() == null || input.description().isBlank() ? null : input.description();
    List<String> operations =
        input.operations() == null
            ? List.of()
            : input.operations().stream().distinct().map(ChangeOperation::name).toList();
    return new SubscriptionRepository.Settings(
        input.targetUrl(), description, types, providers, programs, operations);
  }

  private static WebhookInput input(Subscription s) {
    return new WebhookInput(
        s.targetUrl(),
        s.description(),
        s.entityTypes(),
        s.providerSlugs(),
        s.programSlugs(),
        s.operations().stream().map(ChangeOperation::valueOf).toList());
  }

  private Caller caller() {
    String role;
    if (scope.isAdmin()) {
      role = Roles.CATALOG_ADMIN;
    } else if (identity.hasRole(Roles.PROVIDER_EDITOR)) {
      role = Roles.PROVIDER_EDITOR;
    } else if (identity.hasRole(Roles.RECOGNITION_WRITER)) {
      role = Roles.RECOGNITION_WRITER;
    } else {
      throw new ForbiddenException(
          "Webhooks need role "
              + Roles.CATALOG_ADMIN
              + ", "
              + Roles.PROVIDER_EDITOR
              + " or "
              + Roles.RECOGNITION_WRITER);
    }
    List<String> providers =
        role.equals(Roles.PROVIDER_EDITOR) ? List.copyOf(scope.providers()) : List.of();
    return new Caller(scope.actor(), role, providers);
  }

  /** Others' subscriptions are answered as absent: their existence is not the caller's business. */
  private Subscription visible(long id, Caller caller) {
    return store
        .find(id)
        .filter(s -> caller.admin() || s.ownerSubject().equals(caller.subject()))
        .orElseThrow(() -> new NotFoundException(RESOURCE, String.valueOf(id)));
  }

  private Subscription load(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, String.valueOf(id)));
  }

  private static void requireVersion(Subscription s, long expected) {
    if (s.version() != expected) {
      throw new StaleVersionException("Webhook " + s.id(), s.version(), expected);
    }
  }

  private static StaleVersionException stale(long id) {
    return new StaleVersionException("Webhook " + id + " was changed meanwhile; read it again");
  }

  private static List<String> distinct(List<String> values) {
    return values == null ? List.of() : values.stream().distinct().toList();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
