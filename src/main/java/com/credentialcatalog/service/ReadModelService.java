package com.credentialcatalog.service;

import com.credentialcatalog.config.CatalogConfig;
import com.credentialcatalog.domain.ChangeOperation;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The read model's maintenance operations. Writes keep it current through triggers in their own
 * transaction (migration V2); this re-derives all of it for data that arrived without them.
 */
@ApplicationScoped
public class ReadModelService {

  /** The change-feed entity type of a rebuild: caches and ETags keyed by revision renew after it. */
  public static final String ENTITY = "read-model";

  /** Advisory lock key of a rebuild ("CCREAD" in ASCII): one rebuild at a time across replicas. */
  static final long REBUILD_LOCK = 0x434352454144L;

  private static final Logger LOG = Logger.getLogger(ReadModelService.class);

  private final EntityManager em;
  private final ChangeLog changeLog;
  private final CatalogConfig config;

  public ReadModelService(EntityManager em, ChangeLog changeLog, CatalogConfig config) {
    this.em = em;
    this.changeLog = changeLog;
    this.config = config;
  }

  /** What a rebuild did. */
  public record RebuildReport(long programs, boolean skipped, long millis) {}

  /**
   * Re-derives the whole read model from the normalized tables in one transaction (readers see
   * the old rows until it commits) and records it in the change feed.
   *
   * @param actor who asked, for the change feed
   */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public RebuildReport rebuild(String actor) {
    return rebuild(actor, false);
  }

  private RebuildReport rebuild(String actor, boolean skipIfDoneMeanwhile) {
    long start = System.nanoTime();
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + REBUILD_LOCK + ")").getSingleResult();
    if (skipIfDoneMeanwhile) {
      // Replicas starting together each ask; now() is this transaction's start, before the lock
      // wait, so a rebuild that committed meanwhile already covers what this one would see.
      Number done = (Number) em.createNativeQuery("SELECT count(*) FROM change_event WHERE entity_type = ?1"
              + " AND occurred_at >= now()")
          .setParameter(1, ENTITY).getSingleResult();
      if (done.longValue() > 0) {
        return new RebuildReport(0, true, (System.nanoTime() - start) / 1_000_000);
      }
    }
    long programs = ((Number) em.createNativeQuery("SELECT read_model_rebuild()").getSingleResult()).longValue();
    changeLog.record(ENTITY, "all", ChangeOperation.UPDATE, actor);
    return new RebuildReport(programs, false, (System.nanoTime() - start) / 1_000_000);
  }

  /** Rebuilds before the first request when {@code catalog.read-model.rebuild-on-start=true}. */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  void onStart(@Observes @Priority(10) StartupEvent event) {
    if (!config.readModel().rebuildOnStart()) {
      return;
    }
    RebuildReport report = rebuild("start-up", true);
    if (report.skipped()) {
      LOG.info("Read model: rebuilt by another replica while this one waited; not rebuilt again");
    } else {
      LOG.infof("Read model rebuilt at start-up: %d programs in %d ms", report.programs(), report.millis());
    }
  }
}
