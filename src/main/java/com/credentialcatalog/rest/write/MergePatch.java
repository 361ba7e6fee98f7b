package com.credentialcatalog.rest.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396) over the request records: the current state as a client would PUT
 * it, with the patch merged in, read strictly and validated like a PUT body. A member set to null
 * clears that field; a member left out keeps it.
 */
@ApplicationScoped
public class MergePatch {

  /** The media type of RFC 7396. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final ObjectMapper mapper;
  private final Validator validator;

  public MergePatch(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
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
    JsonNode merged = merge(mapper.valueToTree(current), patch);
    T result;
    try {
      // Strict whatever the global setting: a misspelt member must not be dropped silently.
      result = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(merged);
    } catch (JsonProcessingException e) {
      throw new MalformedPatchException(e);
    } catch (IOException e) {
      throw new MalformedPatchException("The merge patch could not be applied");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(result);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return result;
  }

  /** RFC 7396 §2, on a copy of {@code target}. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject()
        ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
