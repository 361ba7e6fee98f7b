package com.credentialcatalog.domain;

/** What a program awards. */
public enum CredentialType {
  CERTIFICATION,
  CERTIFICATE,
  MICRO_CREDENTIAL,
  ORGANIZATIONAL_CERTIFICATION,
  /** An academic degree (associate, bachelor, master, doctoral): Registry records name them. */
  DEGREE;
}
