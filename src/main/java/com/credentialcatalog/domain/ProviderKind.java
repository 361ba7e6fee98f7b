package com.credentialcatalog.domain;

/** What kind of body a provider is. */
public enum ProviderKind {
  PROFESSIONAL_ASSOCIATION,
  STANDARDS_BODY,
  TRAINING_VENDOR,
  UNIVERSITY,
  TEST_VENDOR;
}
