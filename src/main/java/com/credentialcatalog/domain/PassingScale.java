package com.credentialcatalog.domain;

/** How a passing score is expressed. */
public enum PassingScale {
  PERCENT,
  SCALED;
}
