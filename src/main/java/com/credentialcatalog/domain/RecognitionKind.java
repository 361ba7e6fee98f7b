package com.credentialcatalog.domain;

/** What kind of evidence a recognition signal is. */
public enum RecognitionKind {
  JOB_POSTING_MENTIONS,
  EMPLOYER_RECOGNITION,
  ACCREDITATION,
  INDUSTRY_STANDARD,
  GOVERNMENT_APPROVAL;
}
