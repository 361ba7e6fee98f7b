package com.credentialcatalog.service.failure;

/**
 * The database cannot serve right now (down, restarting, unreachable, or no pooled connection free
 * in time). Adapters answer it as "retry later", never as an internal error; see {@link
 * DatabaseFailures#isUnavailable(Throwable)}.
 */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
