package com.credentialcatalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The outbox row every write appends in its own transaction; seq orders the change feed. */
@Entity
@Table(name = "change_event")
public class ChangeEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  public String entityType;
  public String slug;

  @Enumerated(EnumType.STRING)
  public ChangeOperation operation;

  public OffsetDateTime occurredAt;
  public String actor;
}
