package com.credentialcatalog.domain;

/** How strongly a job posting asks for a credential. */
public enum RequirementLevel {
  REQUIRED,
  PREFERRED,
  MENTIONED;
}
