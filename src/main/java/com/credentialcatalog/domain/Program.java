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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A credential. Children (aliases, prices, exams, renewal, eligibility) are not mapped as
 * collections: they are loaded in batches for a page of programs, never one program at a time.
 */
@Entity
@Table(name = "program")
public class Program extends RegistryNode {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String name;
  public String acronym;

  @ManyToOne(fetch = FetchType.LAZY)
  public Provider provider;

  @Enumerated(EnumType.STRING)
  public CredentialType credentialType;

  @Enumerated(EnumType.STRING)
  public Level level;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> audienceRoles = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> competencies = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> deliveryModes = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> languages = new ArrayList<>();

  public Integer studyHoursMin;
  public Integer studyHoursMax;
  public Integer durationWeeksMin;
  public Integer durationWeeksMax;
  public Integer launchYear;

  @Enumerated(EnumType.STRING)
  public ProgramStatus status = ProgramStatus.ACTIVE;

  @ManyToOne(fetch = FetchType.LAZY)
  public Program supersededBy;

  public String website;
  public String description;
  public LocalDate lastVerifiedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
