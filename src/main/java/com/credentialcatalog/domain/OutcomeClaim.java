package com.credentialcatalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An outcome figure a source states ("CSAT up 4–12 points"); a claim, kept with its source. */
@Entity
@Table(name = "outcome_claim")
public class OutcomeClaim {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  public Program program;

  public String metric;
  public BigDecimal valueMin;
  public BigDecimal valueMax;
  public String unit;
  public Integer periodMonthsMin;
  public Integer periodMonthsMax;
  public String statement;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
