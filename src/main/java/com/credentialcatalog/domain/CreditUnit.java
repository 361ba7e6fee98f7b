package com.credentialcatalog.domain;

/** The unit of continuing-education credits. */
public enum CreditUnit {
  CEU,
  CPD,
  PDU,
  HOURS;
}
