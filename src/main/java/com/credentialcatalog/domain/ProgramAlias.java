package com.credentialcatalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A name a program goes by in job ads ("CCXP", "HDI-SCA"). */
@Entity
@Table(name = "program_alias")
public class ProgramAlias {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  public String alias;
  public String normalized;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
