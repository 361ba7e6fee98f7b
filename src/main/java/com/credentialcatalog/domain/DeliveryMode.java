package com.credentialcatalog.domain;

/** How training for a program is delivered. */
public enum DeliveryMode {
  SELF_PACED_ONLINE,
  LIVE_ONLINE,
  IN_PERSON,
  BLENDED;
}
