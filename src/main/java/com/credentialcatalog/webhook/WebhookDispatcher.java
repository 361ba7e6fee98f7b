package com.credentialcatalog.webhook;

import com.credentialcatalog.domain.DeliveryKind;
import com.credentialcatalog.view.ChangeEventView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends change events to webhook subscriptions. One poller leases subscriptions that have events
 * waiting (no more than there are free workers); each worker sends one subscription's events in
 * feed order, one at a time, until one fails, the batch is full or its time is up. All state is in
 * PostgreSQL ({@link DeliveryQueue}): any number of dispatchers may run over one database, and a
 * stopped one loses nothing but the leases it held, which expire.
 */
public final class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  /**
   * Serialized events kept for the other subscriptions that receive them: slot {@code seq mod
   * BODY_SLOTS}, so the recent feed (what every subscription that keeps up is sending) is written
   * once per event, not once per subscription.
   */
  private static final int BODY_SLOTS = 8192;

  /** One event's JSON, the exact bytes sent (and signed) to every subscription. */
  private record Body(long seq, byte[] bytes) {}

  /** The dispatcher's settings, from {@link WebhookConfig} (tests build their own). */
  public record Settings(
      boolean allowPrivateTargets,
      Duration pollInterval,
      int workers,
      int batchSize,
      Duration batchTime,
      Duration lease,
      Duration connectTimeout,
      Duration readTimeout,
      Duration logRetention,
      RetrySchedule retry) {

    public static Settings of(WebhookConfig c) {
      return new Settings(
          c.allowPrivateTargets(),
          c.pollInterval(),
          c.workers(),
          c.batchSize(),
          c.batchTime(),
          c.lease(),
          c.connectTimeout(),
          c.readTimeout(),
          c.logRetention(),
          RetrySchedule.of(c.retry()));
    }

    /** The same settings with another retry period (tests of giving up). */
    public Settings givingUpAfter(Duration giveUpAfter) {
      return new Settings(
          allowPrivateTargets,
          pollInterval,
          workers,
          batchSize,
          batchTime,
          lease,
          connectTimeout,
          readTimeout,
          logRetention,
          new RetrySchedule(retry.initialDelay(), retry.maxDelay(), giveUpAfter));
    }
  }

  private final Settings settings;
  private final DeliveryQueue queue;
  private final ObjectMapper json;
  private final HttpClient http;
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicReferenceArray<Body> bodies = new AtomicReferenceArray<>(BODY_SLOTS);
  private final RandomGenerator random = RandomGenerator.getDefault();
  private ScheduledExecutorService poller;
  private ExecutorService workers;
  private volatile Instant nextPrune = Instant.EPOCH;

  /**
   * @param owner this dispatcher's name in the leases; unique per running instance
   */
  public WebhookDispatcher(DataSource ds, ObjectMapper json, Settings settings, String owner) {
    this.settings = settings;
    this.json = json;
    this.queue = new DeliveryQueue(ds, owner, settings.lease());
    // No redirects: a public receiver must not be able to bounce deliveries to a private address.
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Starts polling; deliveries run on this dispatcher's own threads, never on request threads. */
  public synchronized void start() {
    if (poller != null) {
      return;
    }
    ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(1, daemon("webhook-poller"));
    p.setRemoveOnCancelPolicy(true);
    poller = p;
    workers =
        new ThreadPoolExecutor(
            settings.workers(),
            settings.workers(),
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            daemon("webhook-worker"));
    poller.scheduleWithFixedDelay(
        this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops polling and waits for the deliveries in flight (each bounded by the timeouts); leases of
   * what could not finish expire by themselves.
   */
  public synchronized void stop() {
    if (poller == null) {
      return;
    }
    poller.shutdownNow();
    workers.shutdown();
    try {
      long wait = settings.connectTimeout().plus(settings.readTimeout()).toMillis() + 1000;
      if (!workers.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    poller = null;
    workers = null;
  }

  private void poll() {
    try {
      int free = settings.workers() - busy.get();
      if (free <= 0) {
        return;
      }
      List<Subscription> claimed = queue.claim(free);
      for (Subscription s : claimed) {
        busy.incrementAndGet();
        try {
          workers.execute(() -> run(s));
        } catch (RejectedExecutionException stopping) {
          busy.decrementAndGet();
          queue.release(s.id(), null);
        }
      }
      if (Instant.now().isAfter(nextPrune)) {
        nextPrune = Instant.now().plus(PRUNE_EVERY);
        queue.prune(settings.logRetention());
      }
    } catch (SQLException | RuntimeException e) {
      // The database may be down; the next poll tries again and nothing was lost.
      LOG.warnf("Webhook dispatch poll failed: %s", e.getMessage());
    }
  }

  private void run(Subscription s) {
    Instant next = null;
    boolean more = false;
    try {
      Outcome o = deliver(s);
      next = o.nextAttempt();
      more = o.more();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("Webhook %d: delivery stopped: %s", s.id(), e.getMessage());
    } finally {
      try {
        queue.release(s.id(), next);
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("Webhook %d: lease not released (it expires): %s", s.id(), e.getMessage());
      }
      busy.decrementAndGet();
    }
    ScheduledExecutorService p = poller;
    if (more && p != null) {
      try {
        p.execute(this::poll);
      } catch (RejectedExecutionException stopping) {
        // Stopped meanwhile: the next dispatcher picks the subscription up.
      }
    }
  }

  /** How a worker's turn on a subscription ended. */
  private record Outcome(Instant nextAttempt, boolean more) {}

  private Outcome deliver(Subscription s) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + settings.batchTime().toNanos();
    Optional<String> refusal =
        TargetUrls.deliveryRefusal(s.targetUrl(), settings.allowPrivateTargets());
    long cursor = s.cursorSeq();
    // Keyed once per turn: a worker holds one subscription at a time.
    WebhookSignature.Signer signer = WebhookSignature.signer(s.secret());
    while (true) {
      Optional<DeliveryQueue.Head> found = queue.head(s.id());
      if (found.isPresent()) {
        DeliveryQueue.Head head = found.get();
        if (head.nextAttemptAt() != null && head.nextAttemptAt().isAfter(Instant.now())) {
          return new Outcome(head.nextAttemptAt(), false);
        }
        DeliveryQueue.Attempt a =
            send(s, signer, queue.event(head.eventSeq()), head.messageId(), refusal);
        RetrySchedule.Next retry = null;
        String reason = null;
        if (!a.succeeded()) {
          Instant first = head.firstAttemptAt() == null ? a.at() : head.firstAttemptAt();
          retry = settings.retry().after(head.attempts() + 1, first, a.at(), random);
          reason = retry.giveUp() ? reason(head.eventSeq(), head.attempts() + 1, a) : null;
        }
        if (!queue.recordHead(s.id(), cursor, head, a, retry, reason)) {
          return new Outcome(null, false);
        }
        if (!a.succeeded()) {
          return new Outcome(retry.at(), false);
        }
        if (head.kind() == DeliveryKind.FEED) {
          cursor = Math.max(cursor, head.eventSeq());
        }
      } else {
        DeliveryQueue.Batch batch = queue.next(s.id(), cursor, settings.batchSize());
        List<Long> sent = new ArrayList<>();
        List<DeliveryQueue.Attempt> attempts = new ArrayList<>();
        ChangeEventView failed = null;
        DeliveryQueue.Attempt failure = null;
        for (ChangeEventView e : batch.events()) {
          if (System.nanoTime() > deadline) {
            break;
          }
          DeliveryQueue.Attempt a =
              send(s, signer, e, WebhookService.messageId(s.id(), e.seq()), refusal);
          if (!a.succeeded()) {
            failed = e;
            failure = a;
            break;
          }
          sent.add(e.seq());
          attempts.add(a);
        }
        boolean all = failed == null && sent.size() == batch.events().size();
        long newCursor =
            all && batch.events().size() < settings.batchSize()
                ? batch.horizon()
                : sent.isEmpty() ? cursor : sent.get(sent.size() - 1);
        RetrySchedule.Next retry =
            failure == null ? null : settings.retry().after(1, failure.at(), failure.at(), random);
        String reason = retry != null && retry.giveUp() ? reason(failed.seq(), 1, failure) : null;
        if (!queue.recordBatch(
            s.id(),
            cursor,
            newCursor,
            sent,
            attempts,
            failed == null ? null : failed.seq(),
            failure,
            retry,
            reason)) {
          return new Outcome(null, false);
        }
        if (failure != null) {
          return new Outcome(retry.at(), false);
        }
        cursor = newCursor;
        if (!all || batch.events().size() < settings.batchSize()) {
          return new Outcome(null, !all);
        }
      }
      if (System.nanoTime() > deadline) {
        return new Outcome(null, true);
      }
    }
  }

  private String reason(long seq, int attempts, DeliveryQueue.Attempt last) {
    return "Event "
        + seq
        + " was not acknowledged within "
        + settings.retry().giveUpAfter()
        + " ("
        + attempts
        + " attempts); last: "
        + last.error();
  }

  /** POSTs one event, signed; never throws for what the receiver does. */
  private DeliveryQueue.Attempt send(
      Subscription s,
      WebhookSignature.Signer signer,
      ChangeEventView event,
      String messageId,
      Optional<String> refusal)
      throws InterruptedException {
    Instant at = Instant.now();
    if (refusal.isPresent()) {
      return new DeliveryQueue.Attempt(at, null, 0, "not sent: " + refusal.get());
    }
    byte[] body = body(event);
    long timestamp = at.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(s.targetUrl()))
            .timeout(settings.readTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "credential-catalog-webhooks/1")
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signer.sign(messageId, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<Void>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    Integer code = null;
    String error;
    try {
      // The request timeout covers the response headers only; this bounds the body too.
      HttpResponse<Void> response =
          pending.get(
              settings.readTimeout().plus(settings.connectTimeout()).toMillis(),
              TimeUnit.MILLISECONDS);
      code = response.statusCode();
      error = code >= 200 && code < 300 ? null : "HTTP " + code;
    } catch (TimeoutException e) {
      pending.cancel(true);
      error = "no answer within " + settings.readTimeout();
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      error = failure(e.getCause());
    }
    int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    return new DeliveryQueue.Attempt(at, code, ms, error);
  }

  private byte[] body(ChangeEventView event) {
    int slot = (int) Math.floorMod(event.seq(), (long) BODY_SLOTS);
    Body cached = bodies.get(slot);
    if (cached != null && cached.seq() == event.seq()) {
      return cached.bytes();
    }
    try {
      byte[] bytes = json.writeValueAsBytes(event);
      bodies.set(slot, new Body(event.seq(), bytes));
      return bytes;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A change event is always serializable", e);
    }
  }

  private String failure(Throwable t) {
    if (t instanceof HttpTimeoutException) {
      return "no answer within " + settings.readTimeout();
    }
    if (t instanceof ConnectException) {
      return "could not connect";
    }
    if (t instanceof IOException) {
      return "connection failed: " + (t.getMessage() == null ? "closed" : t.getMessage());
    }
    return "request failed";
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
