package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.VersionedEntity;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.service.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The write skeleton every aggregate shares, after its root is locked ({@link WriteGuard}): check
 * the version the client based its change on → apply the input through the aggregate's {@link
 * EntityMapper} → touch what changed (so versions and ETags move) → flush → append the change event
 * in the same transaction. Services add only what is particular to their aggregate.
 */
@ApplicationScoped
public class AggregateWriter {

  private final EntityManager em;
  private final ChangeLog changeLog;
  private final ProviderScope scope;

  public AggregateWriter(EntityManager em, ChangeLog changeLog, ProviderScope scope) {
    this.em = em;
    this.changeLog = changeLog;
    this.scope = scope;
  }

  /** What a write changes, for the change feed and for messages. */
  public record Target(String entityType, String slug, String what) {}

  /**
   * Creates {@code entity} from {@code input} and touches {@code roots} (the aggregate root of a
   * child, none for a root itself).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <E, I> E create(
      Target target, E entity, I input, EntityMapper<E, I> mapper, VersionedEntity... roots) {
    mapper.apply(entity, input);
    em.persist(entity);
    finish(target, ChangeOperation.CREATE, roots);
    return entity;
  }

  /**
   * Replaces {@code entity}'s fields with what {@code change} makes of the current ones (PUT: the
   * body; PATCH: the current fields with the patch merged in), once {@code rules} accept them.
   *
   * @throws com.credentialcatalog.service.failure.StaleVersionException when {@code
   *     expectedVersion} is not the entity's version
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <E extends VersionedEntity, I> E replace(
      Target target,
      E entity,
      long expectedVersion,
      EntityMapper<E, I> mapper,
      UnaryOperator<I> change,
      Consumer<I> rules,
      VersionedEntity... roots) {
    WriteGuard.requireVersion(target.what(), entity.currentVersion(), expectedVersion);
    I input = change.apply(mapper.input(entity));
    rules.accept(input);
    mapper.apply(entity, input);
    entity.touch();
    finish(target, ChangeOperation.UPDATE, roots);
    return entity;
  }

  /**
   * Deletes {@code entity} once {@code rules} allow it.
   *
   * @throws com.credentialcatalog.service.failure.StaleVersionException when {@code
   *     expectedVersion} is not the entity's version
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <E extends VersionedEntity> void delete(
      Target target, E entity, long expectedVersion, Consumer<E> rules, VersionedEntity... roots) {
    WriteGuard.requireVersion(target.what(), entity.currentVersion(), expectedVersion);
    rules.accept(entity);
    em.remove(entity);
    finish(target, ChangeOperation.DELETE, roots);
  }

  /**
   * The last steps of every write: touch the aggregate roots so their version moves with any change
   * inside them, flush (so versions are final and constraint failures surface here), and append the
   * change event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void finish(Target target, ChangeOperation operation, VersionedEntity... roots) {
    for (VersionedEntity root : roots) {
      root.touch();
    }
    em.flush();
    changeLog.record(target.entityType(), target.slug(), operation, scope.actor());
  }
}
