package com.credentialcatalog.domain;

/** Where one delivery of one event to one subscription stands. */
public enum DeliveryStatus {
  /** Not yet acknowledged: waiting for its first attempt or for the next retry. */
  PENDING,
  /** The receiver answered 2xx. */
  SUCCEEDED,
  /** Dropped by a replay, which sends the events again from a sequence. */
  CANCELLED
}
