package com.credentialcatalog.domain;

/** Why a delivery was made. */
public enum DeliveryKind {
  /** The next matching event of the change feed (also after a replay). */
  FEED,
  /** Asked for again by the subscription's owner; does not move the subscription's cursor. */
  REDELIVERY
}
