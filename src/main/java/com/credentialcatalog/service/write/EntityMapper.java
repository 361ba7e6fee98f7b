package com.credentialcatalog.service.write;

/**
 * The one place an aggregate's fields are copied between its entity and its input record: the
 * entity as a client would PUT it (the base a merge patch applies to), and an input written onto
 * the entity. A field added to both sides is added here and nowhere else.
 */
public interface EntityMapper<E, I> {

  /** The entity's fields as a client writes them. */
  I input(E entity);

  /** Writes every field of {@code input} onto {@code entity}; references are resolved by slug. */
  void apply(E entity, I input);
}
