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
import java.math.BigDecimal;
import java.time.LocalDate;

/** An effective-dated price range; history is kept by closing validTo, never by overwriting. */
@Entity
@Table(name = "price")
public class Price extends VersionedEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Program program;

  @Enumerated(EnumType.STRING)
  public FeeType feeType;

  public BigDecimal amountMin;
  public BigDecimal amountMax;
  public String currency;

  @Enumerated(EnumType.STRING)
  public PriceAudience audience = PriceAudience.ANY;

  @Enumerated(EnumType.STRING)
  public DeliveryMode deliveryMode;

  public boolean requiredForAward;
  public LocalDate validFrom;
  public LocalDate validTo;
  public String note;

  @ManyToOne(fetch = FetchType.LAZY)
  public Source source;
}
