package com.credentialcatalog.service;

import com.credentialcatalog.domain.ChangeEvent;
import com.credentialcatalog.domain.ChangeOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Appends to the change feed (outbox) inside the caller's transaction, never in its own. */
@ApplicationScoped
public class ChangeLog {

  /** Advisory lock key of the change feed ("CCFEED" in ASCII). */
  static final long FEED_LOCK = 0x434346454544L;

  private final EntityManager em;

  public ChangeLog(EntityManager em) {
    this.em = em;
  }

  /**
   * Records that {@code actor} applied {@code operation} to the entity named by type and slug.
   * Mandatory transaction: an event without its change (or the reverse) would break the feed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String entityType, String slug, ChangeOperation operation, String actor) {
    // Sequence numbers are taken at insert but become visible at commit; two writers could commit
    // out of order and a feed reader that already moved past the later number would never see the
    // earlier one. A transaction-scoped lock taken before the insert makes commit order equal
    // sequence order, so the feed is gap-free for readers. Writes are rare; reads never take it.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + FEED_LOCK + ")").getSingleResult();
    ChangeEvent event = new ChangeEvent();
    event.entityType = entityType;
    event.slug = slug;
    event.operation = operation;
    event.actor = actor;
    event.occurredAt = OffsetDateTime.now();
    em.persist(event);
  }
}
