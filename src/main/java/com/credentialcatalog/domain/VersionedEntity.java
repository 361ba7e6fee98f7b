package com.credentialcatalog.domain;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A row with its own optimistic version: the number an {@code If-Match} or a GraphQL {@code
 * expectedVersion} names, raised by one at every flush that changes the row.
 */
@MappedSuperclass
public abstract class VersionedEntity {

  @Version public long version;
  @CreationTimestamp public OffsetDateTime createdAt;
  @UpdateTimestamp public OffsetDateTime updatedAt;

  /** The version as last read or flushed. */
  public long currentVersion() {
    return version;
  }

  /**
   * Marks the row changed, so its version goes up at flush even when no other column did (a PUT of
   * identical content, or a change to a child of an aggregate root).
   */
  public void touch() {
    updatedAt = OffsetDateTime.now();
  }
}
