package com.credentialcatalog.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.domain.FeeType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 without a server: the merge REST PATCH and the GraphQL update mutations share. */
class JsonMergePatchTest {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** Every example of RFC 7396 Appendix A, in its order. */
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"a":"b"}             | {"a":"c"}                    | {"a":"c"}
      {"a":"b"}             | {"b":"c"}                    | {"a":"b","b":"c"}
      {"a":"b"}             | {"a":null}                   | {}
      {"a":"b","b":"c"}     | {"a":null}                   | {"b":"c"}
      {"a":["b"]}           | {"a":"c"}                    | {"a":"c"}
      {"a":"c"}             | {"a":["b"]}                  | {"a":["b"]}
      {"a":{"b":"c"}}       | {"a":{"b":"d","c":null}}     | {"a":{"b":"d"}}
      {"a":[{"b":"c"}]}     | {"a":[1]}                    | {"a":[1]}
      ["a","b"]             | ["c","d"]                    | ["c","d"]
      {"a":"b"}             | ["c"]                        | ["c"]
      {"a":"foo"}           | null                         | null
      {"a":"foo"}           | "bar"                        | "bar"
      {"e":null}            | {"a":1}                      | {"e":null,"a":1}
      [1,2]                 | {"a":"b","c":null}           | {"a":"b"}
      {}                    | {"a":{"bb":{"ccc":null}}}    | {"a":{"bb":{}}}
      """)
  void shouldMergeAsTheRfcAppendixDoes(String target, String patch, String result)
      throws JsonProcessingException {
    JsonNode original = MAPPER.readTree(target);
    JsonNode merged = JsonMergePatch.merge(original, MAPPER.readTree(patch));
    assertThat(merged).isEqualTo(MAPPER.readTree(result));
    assertThat(original)
        .as("the target is not changed in place")
        .isEqualTo(MAPPER.readTree(target));
  }

  @Test
  void shouldKeepLeftOutFieldsClearNullOnesAndReplaceTheOthersOfAnInputRecord()
      throws JsonProcessingException {
    PriceInput current =
        new PriceInput(
            FeeType.EXAM,
            new BigDecimal("450.00"),
            new BigDecimal("650.00"),
            "USD",
            null,
            null,
            true,
            LocalDate.of(2025, 1, 1),
            null,
            "Early bird",
            "guide");
    JsonNode patch =
        MAPPER.readTree(
            """
        {"amountMax": 700, "validTo": "2026-01-01", "note": null}""");

    PriceInput patched = new JsonMergePatch(MAPPER).apply(current, patch, PriceInput.class);

    // Numbers compare by value: a JSON tree may carry 450.00 as 4.5E+2 (the mapper restores the
    // scale).
    assertThat(patched)
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(
            new PriceInput(
                FeeType.EXAM,
                new BigDecimal("450"),
                new BigDecimal("700"),
                "USD",
                null,
                null,
                true,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 1, 1),
                null,
                "guide"));
  }

  @Test
  void shouldRefuseAMemberTheInputRecordDoesNotHave() throws JsonProcessingException {
    PriceInput current =
        new PriceInput(
            FeeType.EXAM,
            BigDecimal.ONE,
            BigDecimal.ONE,
            "USD",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    JsonNode patch = MAPPER.readTree("{\"amountMaximum\": 700}");

    assertThatThrownBy(() -> new JsonMergePatch(MAPPER).apply(current, patch, PriceInput.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("amountMaximum");
  }
}
