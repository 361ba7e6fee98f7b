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

/** An issuing body, training vendor, university or test vendor. */
@Entity
@Table(name = "provider")
public class Provider extends RegistryNode {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String name;
  public String acronym;

  @Enumerated(EnumType.STRING)
  public ProviderKind kind;

  public String website;
  public String country;
  public String description;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
