package com.credentialcatalog.service.failure;

/**
 * The If-Match version is not the current one: someone wrote in between. The REST adapter answers
 * 412.
 */
public class StaleVersionException extends RuntimeException {

  public StaleVersionException(String what, long current, long expected) {
    super(
        what
            + " is at version "
            + current
            + ", not "
            + (expected < 0 ? "the one If-Match names" : expected)
            + "; read it again and retry with If-Match: \""
            + current
            + "\"");
  }

  public StaleVersionException(String message) {
    super(message);
  }
}
