package com.credentialcatalog.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396), the one implementation behind REST PATCH and the GraphQL update
 * mutations: a member set to null clears that field, a member left out keeps it, an object merges
 * member by member, anything else replaces. Validation of the result is the adapter's, so that each
 * surface reports it in its own shape.
 */
@ApplicationScoped
public class JsonMergePatch {

  private final ObjectMapper mapper;

  public JsonMergePatch(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * {@code current} as a {@code type} with {@code patch} merged in, read strictly.
   *
   * @throws JsonProcessingException when the result has unknown members or values of the wrong type
   */
  public <T> T apply(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
    JsonNode merged = merge(mapper.valueToTree(current), patch);
    // Strict whatever the global setting: a misspelt member must not be dropped silently.
    try {
      return mapper
          .readerFor(type)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(merged);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("A JSON tree cannot fail to be read", e);
    }
  }

  /** {@code value} as the JSON tree a merge patch is written in. */
  public JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }

  /** RFC 7396 §2: {@code patch} applied to a copy of {@code target} (either may be null). */
  public static JsonNode merge(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? null : patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
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
