package com.credentialcatalog.rest.write;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A merge patch whose result is not a valid request body; answered as the JSON error it wraps
 * (400).
 */
public class MalformedPatchException extends RuntimeException {

  public MalformedPatchException(JsonProcessingException cause) {
    super(cause.getOriginalMessage(), cause);
  }

  public MalformedPatchException(String message) {
    super(message);
  }

  @Override
  public synchronized JsonProcessingException getCause() {
    return super.getCause() instanceof JsonProcessingException j ? j : null;
  }
}
