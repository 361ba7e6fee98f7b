package com.credentialcatalog.query;

/** A query input that cannot be honoured; adapters answer 400 / BAD_USER_INPUT naming the field. */
public class InvalidQueryException extends RuntimeException {

  private final String field;

  public InvalidQueryException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
