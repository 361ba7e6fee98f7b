package com.credentialcatalog.domain;

/** What an eligibility condition measures. */
public enum ConditionKind {
  MIN_AGE,
  EXPERIENCE_MONTHS,
  SUPERVISORY_EXPERIENCE,
  COURSE_HOURS,
  PREREQUISITE_CREDENTIAL,
  PORTFOLIO_EVIDENCE,
  ATTESTATION;
}
