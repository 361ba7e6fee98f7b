package com.credentialcatalog.service;

import com.credentialcatalog.config.CatalogConfig;
import com.credentialcatalog.domain.ChangeOperation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * The read model's maintenance operations. Writes keep it current through triggers in their own
 * transaction (migration V2); this re-derives all of it for data that arrived without them.
 */
@ApplicationScoped
public class ReadModelService {

  /**
   * The change-feed entity type of a rebuild: caches and ETags keyed by revision renew after it.
   */
  public static final String ENTITY = "read-model";

  /** Advisory lock key of a rebuild ("CCREAD" in ASCII): one rebuild at a time across replicas. */
  static final long REBUILD_LOCK = 0x434352454144L;

  private static final Logger LOG = Logger.getLogger(ReadModelService.class);

  /** Programs per slice of a start-up rebuild: small enough to spread, big enough to batch. */
  static final long SLICE = 5_000;

  private final EntityManager em;
  private final ChangeLog changeLog;
  private final CatalogConfig config;
  private final AgroalDataSource dataSource;

  public ReadModelService(
      EntityManager em, ChangeLog changeLog, CatalogConfig config, AgroalDataSource dataSource) {
    this.em = em;
    this.changeLog = changeLog;
    this.config = config;
    this.dataSource = dataSource;
  }

  /** What a rebuild did. */
  public record RebuildReport(long programs, long millis) {}

  /**
   * Re-derives the whole read model from the normalized tables in one transaction (readers see the
   * old rows until it commits) and records it in the change feed.
   *
   * @param actor who asked, for the change feed
   */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public RebuildReport rebuild(String actor) {
    long start = System.nanoTime();
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + REBUILD_LOCK + ")").getSingleResult();
    long programs =
        ((Number) em.createNativeQuery("SELECT read_model_rebuild()").getSingleResult())
            .longValue();
    changeLog.record(ENTITY, "all", ChangeOperation.UPDATE, actor);
    return new RebuildReport(programs, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Rebuilds before the first request when {@code catalog.read-model.rebuild-on-start=true}, in
   * slices of program ids run side by side on several connections: a start-up rebuild of a large
   * catalog uses every core. One replica rebuilds at a time (a session advisory lock); a replica
   * that waited while another rebuilt does not rebuild again.
   */
  void onStart(@Observes @Priority(10) StartupEvent event) throws Exception {
    if (!config.readModel().rebuildOnStart()) {
      return;
    }
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      Timestamp asked = single(s, "SELECT now()").getTimestamp(1);
      s.execute("SELECT pg_advisory_lock(" + REBUILD_LOCK + ")");
      try {
        try (PreparedStatement done =
            c.prepareStatement(
                "SELECT count(*) FROM change_event WHERE entity_type = ? AND occurred_at >= ?")) {
          done.setString(1, ENTITY);
          done.setTimestamp(2, asked);
          try (ResultSet rs = done.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              LOG.info(
                  "Read model: rebuilt by another replica while this one waited; not rebuilt again");
              return;
            }
          }
        }
        long orphans = single(s, "SELECT read_model_drop_orphans()").getLong(1);
        if (orphans > 0) {
          LOG.infof(
              "Read model: dropped the rows of %d programs deleted with triggers off", orphans);
        }
        long programs = rebuildInSlices(c);
        s.execute("ANALYZE program_cost");
        s.execute("ANALYZE program_read");
        s.execute("ANALYZE program_document");
        s.execute("ANALYZE program_tally");
        QuarkusTransaction.requiringNew()
            .run(() -> changeLog.record(ENTITY, "all", ChangeOperation.UPDATE, "start-up"));
        LOG.infof(
            "Read model rebuilt at start-up: %d programs in %d ms",
            programs, (System.nanoTime() - start) / 1_000_000);
      } finally {
        s.execute("SELECT pg_advisory_unlock(" + REBUILD_LOCK + ")");
      }
    }
  }

  /**
   * Slices of whole providers, about {@link #SLICE} programs each, so that each provider's rows are
   * written together (V17: a provider's list then reads a few pages instead of one per program).
   */
  private long rebuildInSlices(Connection c) throws Exception {
    List<Slice> slices = new ArrayList<>();
    List<Long> providers = new ArrayList<>();
    long programs = 0;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT provider_id, count(*) FROM program GROUP BY provider_id"
                    + " ORDER BY provider_id NULLS LAST")) {
      while (rs.next()) {
        long provider = rs.getLong(1);
        boolean unowned = rs.wasNull();
        programs += rs.getLong(2);
        if (unowned) {
          slices.add(new Slice(List.copyOf(providers), true));
          providers.clear();
          programs = 0;
          continue;
        }
        providers.add(provider);
        if (programs >= SLICE) {
          slices.add(new Slice(List.copyOf(providers), false));
          providers.clear();
          programs = 0;
        }
      }
    }
    if (!providers.isEmpty()) {
      slices.add(new Slice(List.copyOf(providers), false));
    }
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Long>> running = new ArrayList<>();
      for (Slice slice : slices) {
        running.add(pool.submit(() -> refresh(slice)));
      }
      long refreshed = 0;
      for (Future<Long> slice : running) {
        refreshed += slice.get();
      }
      return refreshed;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Some providers' programs, and those without a provider when {@code unowned}. */
  private record Slice(List<Long> providers, boolean unowned) {}

  private long refresh(Slice slice) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT read_model_refresh_providers(?, ?)")) {
      ps.setArray(1, c.createArrayOf("bigint", slice.providers().toArray()));
      ps.setBoolean(2, slice.unowned());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static ResultSet single(Statement s, String query) throws SQLException {
    ResultSet rs = s.executeQuery(query);
    rs.next();
    return rs;
  }
}
