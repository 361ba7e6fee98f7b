package com.credentialcatalog.webhook;

import java.sql.SQLException;

/**
 * A statement on the webhook tables failed. Keeps the SQLException as its cause, so that an outage
 * is still recognized as one (503) by the adapters' mappers.
 */
public class WebhookStoreException extends RuntimeException {

  WebhookStoreException(SQLException cause) {
    super("A statement on the webhook tables failed", cause);
  }
}
