package com.credentialcatalog.service;

/**
 * Input that is well-formed but refers to something that does not exist or may not change (an
 * unknown provider slug, a renamed slug). Answered like a Bean Validation failure: 400 naming the field.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
