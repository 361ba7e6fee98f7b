package com.credentialcatalog.domain;

/** Ways to renew a credential. */
public enum RenewalRoute {
  RETEST,
  CREDITS,
  EVIDENCE_OF_PRACTICE,
  ADVANCED_COURSE,
  ANNUAL_FEE;
}
