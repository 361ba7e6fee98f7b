package com.credentialcatalog.domain;

/**
 * An entity with its own optimistic version: the number an {@code If-Match} or a GraphQL
 * {@code expectedVersion} names, raised by one at every flush that changes the row.
 */
public interface VersionedEntity {

  /** The version as last read or flushed. */
  long currentVersion();

  /**
   * Marks the entity changed, so its version goes up at flush even when no other column did (a PUT
   * of identical content, or a change to a child of an aggregate root).
   */
  void touch();
}
