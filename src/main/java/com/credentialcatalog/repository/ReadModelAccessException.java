package com.credentialcatalog.repository;

import java.sql.SQLException;

/**
 * A statement of the read path failed. Keeps the SQLException as its cause, so that an outage
 * (connection lost, server shutting down) is still recognized as one by the adapters' mappers.
 */
public class ReadModelAccessException extends RuntimeException {

  public ReadModelAccessException(SQLException cause) {
    super("A read of the catalog failed", cause);
  }
}
