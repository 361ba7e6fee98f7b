package com.credentialcatalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Evidence that a program is recognized. The natural key (program, kind, source, region, period,
 * requirement level) is unique, which makes re-submitted observations idempotent.
 */
@Entity
@Table(name = "recognition_signal")
public class RecognitionSignal {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  @Enumerated(EnumType.STRING)
  public RecognitionKind kind;

  public String sourceName;
  public String sourceUrl;
  public String region;
  public LocalDate periodStart;
  public LocalDate periodEnd;

  @Enumerated(EnumType.STRING)
  public RequirementLevel requirementLevel;

  public Integer postingsMatched;
  public Integer postingsScanned;
  public OffsetDateTime observedAt;
  public String evidenceUrl;
  public String submittedBy;

  @Version public long version;
}
