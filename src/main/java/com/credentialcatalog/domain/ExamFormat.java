package com.credentialcatalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How a program's exam runs: length, items, passing score, proctoring, retakes. */
@Entity
@Table(name = "exam_format")
public class ExamFormat extends RegistryNode {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  public String name;
  public Integer durationMinutesMin;
  public Integer durationMinutesMax;
  public Integer questionCountMin;
  public Integer questionCountMax;

  @Column(name = "multiple_choice_pct_min")
  public Integer multipleChoicePctMin;

  @Column(name = "multiple_choice_pct_max")
  public Integer multipleChoicePctMax;

  public Integer scenarioPctMin;
  public Integer scenarioPctMax;
  public Integer practicalPctMin;
  public Integer practicalPctMax;
  public BigDecimal passingScoreMin;
  public BigDecimal passingScoreMax;

  @Enumerated(EnumType.STRING)
  public PassingScale passingScoreScale;

  public Integer passingScoreScaleMax;

  /**
   * Every scale the passing score is stated on, primary first; the passingScore* fields above hold
   * the primary one (the first entry), which is what filters and comparisons read.
   */
  @Convert(converter = PassingScoresConverter.class)
  @ColumnTransformer(write = "?::jsonb")
  @Column(name = "passing_scores", columnDefinition = "jsonb", nullable = false)
  public List<PassingScore> passingScores = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> proctoring = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "exam_format_test_vendor",
      joinColumns = @JoinColumn(name = "exam_format_id"),
      inverseJoinColumns = @JoinColumn(name = "provider_id"))
  public Set<Provider> testVendors = new LinkedHashSet<>();

  public Integer retakeAttempts;
  public Integer retakeWindowMonths;
  public Integer retakeWaitDays;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> languages = new ArrayList<>();

  public Integer accommodationExtraMinutes;
  public String note;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
