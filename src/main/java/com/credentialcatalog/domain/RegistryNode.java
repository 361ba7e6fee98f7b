package com.credentialcatalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

/**
 * A row that is a node of the Credential Registry's graph (provider, program, exam format): it has
 * a CTID, assigned once and kept for the row's life, so exports keep naming the same node.
 */
@MappedSuperclass
public abstract class RegistryNode extends VersionedEntity {

  /** Lower-case {@code ce-} + UUID; an imported row keeps the one its record carries. */
  @Column(name = "ctdl_id", updatable = false)
  public String ctid;

  @PrePersist
  void assignCtid() {
    if (ctid == null) {
      ctid = Ctid.random();
    }
  }
}
