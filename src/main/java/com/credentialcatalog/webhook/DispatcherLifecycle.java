package com.credentialcatalog.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.sql.DataSource;

/** Runs this replica's {@link WebhookDispatcher} from start-up to shutdown, when enabled. */
@ApplicationScoped
public class DispatcherLifecycle {

  private final WebhookDispatcher dispatcher;
  private final boolean enabled;

  public DispatcherLifecycle(DataSource ds, ObjectMapper json, WebhookConfig config) {
    // The lease owner names the process, so an operator can tell replicas apart in the table.
    String owner =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    this.dispatcher = new WebhookDispatcher(ds, json, WebhookDispatcher.Settings.of(config), owner);
    this.enabled = config.dispatcherEnabled();
  }

  void onStart(@Observes StartupEvent e) {
    if (enabled) {
      dispatcher.start();
    }
  }

  void onStop(@Observes ShutdownEvent e) {
    dispatcher.stop();
  }

  /** This replica's dispatcher (tests stop and start it to simulate a restart). */
  public WebhookDispatcher dispatcher() {
    return dispatcher;
  }
}
