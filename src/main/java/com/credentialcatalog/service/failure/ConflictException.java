package com.credentialcatalog.service.failure;

/**
 * The write contradicts the catalog's state (a slug taken, a provider still owning programs). 409.
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
