package com.credentialcatalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How a credential is kept: cycle, credits, accepted routes. The fee is a RENEWAL price. */
@Entity
@Table(name = "renewal_policy")
public class RenewalPolicy extends VersionedEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  public Integer cycleYearsMin;
  public Integer cycleYearsMax;
  public Integer creditsMin;
  public Integer creditsMax;

  @Enumerated(EnumType.STRING)
  public CreditUnit creditUnit;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> acceptedRoutes = new ArrayList<>();

  public Integer proofRetentionYears;
  public String note;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
