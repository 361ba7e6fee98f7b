package com.credentialcatalog.domain;

/** Who a price applies to. */
public enum PriceAudience {
  ANY,
  MEMBER,
  NON_MEMBER;
}
