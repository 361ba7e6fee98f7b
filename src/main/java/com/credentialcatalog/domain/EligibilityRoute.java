package com.credentialcatalog.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One way to qualify: a candidate is eligible when every condition of any one route holds. */
@Entity
@Table(name = "eligibility_route")
public class EligibilityRoute {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  public int position;
  public String name;
  public String description;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;

  @OneToMany(mappedBy = "route", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  public List<EligibilityCondition> conditions = new ArrayList<>();
}
