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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** An effective-dated price range; history is kept by closing validTo, never by overwriting. */
@Entity
@Table(name = "price")
public class Price implements VersionedEntity {
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

  @Version public long version;
  @CreationTimestamp public OffsetDateTime createdAt;
  @UpdateTimestamp public OffsetDateTime updatedAt;

  @Override
  public long currentVersion() {
    return version;
  }

  @Override
  public void touch() {
    updatedAt = OffsetDateTime.now();
  }
}
