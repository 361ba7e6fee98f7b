package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.ChangeEvent;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.view.ChangeEventView;
import com.credentialcatalog.view.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the change feed (the outbox every write appends to). */
@ApplicationScoped
public class ChangeFeedService {

  public static final int MAX_LIMIT = 1000;

  /** Events per answer when the caller does not say. */
  public static final int DEFAULT_LIMIT = 100;

  private final EntityManager em;

  public ChangeFeedService(EntityManager em) {
    this.em = em;
  }

  /**
   * Events with a sequence above {@code after}, oldest first. {@code lastSeq} of the answer is
   * where the next read starts, and it never passes an event: writers append under one lock ({@link
   * ChangeLog}), so events become visible in sequence order, and a cursor beyond the newest event
   * is refused rather than echoed back (a follower storing it would skip the events that later
   * receive those numbers).
   *
   * @param limit 1–{@value #MAX_LIMIT}; null for {@value #DEFAULT_LIMIT}
   * @throws InvalidInputException on a negative cursor, a cursor beyond the newest event, or a
   *     limit outside 1–{@value #MAX_LIMIT}
   */
  @Transactional
  public ChangeFeed after(long after, Integer limit) {
    if (after < 0) {
      throw InvalidInputException.of(
          "after", InvalidInputException.Kind.OUT_OF_RANGE, "{} must not be negative");
    }
    int size = Bounds.pageSize(limit, DEFAULT_LIMIT, MAX_LIMIT);
    List<ChangeEvent> rows =
        em.createQuery("from ChangeEvent e where e.seq > :after order by e.seq", ChangeEvent.class)
            .setParameter("after", after)
            .setMaxResults(size + 1)
            .getResultList();
    boolean more = rows.size() > size;
    List<ChangeEventView> events =
        rows.stream()
            .limit(size)
            .map(
                e ->
                    new ChangeEventView(
                        e.seq, e.entityType, e.slug, e.operation, e.occurredAt, e.actor))
            .toList();
    long latest =
        em.createQuery("select coalesce(max(e.seq), 0) from ChangeEvent e", Long.class)
            .getSingleResult();
    if (after > latest) {
      // Read after the events and only ever growing: a cursor this feed returned is never refused.
      throw InvalidInputException.of(
          "after",
          InvalidInputException.Kind.OUT_OF_RANGE,
          "after="
              + after
              + " is beyond the end of the feed: the latest"
              + " sequence is "
              + latest
              + ". Pass a lastSeq this feed returned (or "
              + latest
              + " to follow from"
              + " now on); a cursor from another catalog needs a fresh start from GET /api/v1/export.");
    }
    long last = events.isEmpty() ? after : events.get(events.size() - 1).seq();
    return new ChangeFeed(events, last, more, latest);
  }
}
