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

/** One requirement of an eligibility route; thresholds may be ranges where guides give ranges. */
@Entity
@Table(name = "eligibility_condition")
public class EligibilityCondition {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public EligibilityRoute route;

  public int position;

  @Enumerated(EnumType.STRING)
  public ConditionKind kind;

  public Integer valueMin;
  public Integer valueMax;
  public String credential;
  public String description;
}
