package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProgramInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GraphQL creates take the core input records themselves; an update input must offer every field of
 * its core record but the permanent slug, with the same type, or GraphQL could not change it.
 */
class WriteInputsTest {

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(WriteInputs.ProviderUpdateInput.class, ProviderInput.class),
        Arguments.of(WriteInputs.ProgramUpdateInput.class, ProgramInput.class),
        Arguments.of(WriteInputs.PriceUpdateInput.class, PriceInput.class),
        Arguments.of(WriteInputs.ExamFormatUpdateInput.class, ExamFormatInput.class),
        Arguments.of(WriteInputs.RenewalPolicyUpdateInput.class, RenewalPolicyInput.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void shouldOfferEveryChangeableFieldOfTheCoreInput(
      Class<? extends Record> update, Class<? extends Record> core) {
    Map<String, String> changeable = fields(core);
    changeable.remove("slug");
    assertThat(fields(update)).isEqualTo(changeable);
  }

  /** Name → generic type, type-use annotations left out (validation lives on the core record). */
  private static Map<String, String> fields(Class<? extends Record> type) {
    Map<String, String> fields = new LinkedHashMap<>();
    Arrays.stream(type.getRecordComponents()).forEach(c -> fields.put(c.getName(), typeName(c)));
    return fields;
  }

  private static String typeName(RecordComponent component) {
    return component.getGenericType().getTypeName();
  }
}
