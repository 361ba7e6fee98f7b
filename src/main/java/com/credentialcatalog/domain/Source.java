package com.credentialcatalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Where a fact comes from: a guide, a website, a submission. */
@Entity
@Table(name = "source")
public class Source {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String title;
  public String url;
  public String publisher;
  public Integer asOfYear;
  public LocalDate publishedDate;
  public LocalDate retrievedDate;
  public String note;
}
