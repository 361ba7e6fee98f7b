package com.credentialcatalog.service;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage from a fault of the request: both adapters answer an outage with
 * "service unavailable, retry later" (REST 503 + Retry-After, GraphQL SERVICE_UNAVAILABLE) rather
 * than an internal error, because the client did nothing wrong and the same request will succeed
 * once the database is back.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} (or any of its causes) says the database cannot serve right now:
   * connection loss or refusal (SQLState class 08), the server shutting down or recovering
   * (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), or no connection
   * free in the pool within the acquisition timeout.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
        return true;
      }
      String message = t.getMessage();
      // Agroal reports an exhausted pool as a plain SQLException without a state.
      if (t instanceof SQLException && message != null && message.contains("Acquisition timeout")) {
        return true;
      }
    }
    return false;
  }

  static boolean unavailableState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }
}
