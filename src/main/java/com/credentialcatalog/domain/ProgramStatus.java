package com.credentialcatalog.domain;

/** Whether a program can still be earned. */
public enum ProgramStatus {
  ACTIVE,
  RETIRED,
  PROVISIONAL;
}
