package com.credentialcatalog.rest.write;

import com.credentialcatalog.write.JsonMergePatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * REST PATCH bodies: {@link JsonMergePatch} over the request records, with the result validated
 * like a PUT body and a malformed patch or result answered as a 400.
 */
@ApplicationScoped
public class MergePatch {

  /** The media type of RFC 7396. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final JsonMergePatch patches;
  private final Validator validator;

  public MergePatch(JsonMergePatch patches, Validator validator) {
    this.patches = patches;
    this.validator = validator;
  }

  /**
   * Applies {@code patch} to {@code current}.
   *
   * @throws MalformedPatchException (400) when the patch is not a JSON object or its result has
   *     unknown fields or values of the wrong type
   * @throws ConstraintViolationException (400) when the result is invalid
   */
  public <T> T apply(T current, JsonNode patch, Class<T> type) {
    if (patch == null || !patch.isObject()) {
      throw new MalformedPatchException("A merge patch must be a JSON object");
    }
    T result;
    try {
      result = patches.apply(current, patch, type);
    } catch (JsonProcessingException e) {
      throw new MalformedPatchException(e);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(result);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return result;
  }
}
