package com.credentialcatalog.domain;

/** The career stage a program targets. */
public enum Level {
  ENTRY,
  PROFESSIONAL,
  MANAGER,
  EXECUTIVE,
  ORGANIZATION;
}
