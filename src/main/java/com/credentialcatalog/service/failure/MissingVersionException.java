package com.credentialcatalog.service.failure;

/**
 * A write to an existing resource came without the version it was based on. The REST adapter
 * answers 428.
 */
public class MissingVersionException extends RuntimeException {

  public MissingVersionException(String what) {
    super(
        "Updating "
            + what
            + " requires If-Match with its current ETag, so that no concurrent change is lost");
  }
}
