package com.credentialcatalog.domain;

/** What a change event records. */
public enum ChangeOperation {
  CREATE,
  UPDATE,
  DELETE;
}
