package com.credentialcatalog.domain;

/** Whether a webhook subscription is delivered to. */
public enum WebhookStatus {
  /** Deliveries are sent. */
  ACTIVE,
  /** Paused by its owner; events wait and are sent, in order, after a resume. */
  PAUSED,
  /** Stopped by the dispatcher after a delivery failed for the whole retry period; says why. */
  DISABLED
}
