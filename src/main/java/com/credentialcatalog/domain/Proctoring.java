package com.credentialcatalog.domain;

/** Where an exam can be proctored. */
public enum Proctoring {
  REMOTE,
  TEST_CENTER;
}
