package com.credentialcatalog.service.failure;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database outage from a fault of the request: both adapters answer an outage with "service
 * unavailable, retry later" (REST 503 + Retry-After, GraphQL SERVICE_UNAVAILABLE) rather than an
 * internal error, because the client did nothing wrong and the same request will succeed once the
 * database is back.
 */
public final class DatabaseFailures {

  // Causes and suppressed exceptions looked at before giving up: enough for Hibernate, Narayana
  // and Agroal wrapping one another, small enough that a pathological chain costs nothing.
  private static final int MAX_VISITED = 64;

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} (or any of its causes or suppressed exceptions) says the database
   * cannot serve right now: connection loss or refusal (SQLState class 08), the server shutting
   * down or recovering (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), or
   * no connection free in the pool within the acquisition timeout.
   */
  public static boolean isUnavailable(Throwable failure) {
    // Suppressed exceptions count too: a transaction manager that fails to commit on a dead
    // connection may attach the SQLException as suppressed rather than as the cause.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    if (failure != null) {
      pending.add(failure);
    }
    while (!pending.isEmpty() && seen.size() < MAX_VISITED) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof DatabaseUnavailableException
          || t instanceof SQLTransientConnectionException
          || t instanceof JDBCConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
        return true;
      }
      String message = t.getMessage();
      // Agroal reports an exhausted pool as a plain SQLException without a state ("Sorry,
      // acquisition timeout!" in Agroal 2/3).
      if (t instanceof SQLException
          && message != null
          && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
        return true;
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      Collections.addAll(pending, t.getSuppressed());
    }
    return false;
  }

  static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
