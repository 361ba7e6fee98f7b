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
    ChangeEvent event = new ChangeEvent();
    event.entityType = entityType;
    event.slug = slug;
    event.operation = operation;
    event.actor = actor;
    event.occurredAt = OffsetDateTime.now();
    em.persist(event);
  }
}
