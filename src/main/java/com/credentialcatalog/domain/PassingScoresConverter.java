package com.credentialcatalog.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/**
 * An exam format's passing scores ↔ the JSON array in {@code exam_format.passing_scores}. Its own
 * mapper, not the application's: the column's form is a storage format that must not follow changes
 * to how the API writes JSON.
 */
@Converter
public class PassingScoresConverter implements AttributeConverter<List<PassingScore>, String> {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final TypeReference<List<PassingScore>> LIST = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(List<PassingScore> scores) {
    try {
      return JSON.writeValueAsString(scores == null ? List.of() : scores);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("passing scores not writable as JSON", e);
    }
  }

  @Override
  public List<PassingScore> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(JSON.readValue(column, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("exam_format.passing_scores is not a list of scores", e);
    }
  }
}
