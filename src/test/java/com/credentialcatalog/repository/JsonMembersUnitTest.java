package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The spans a stored detail's parts are bound from: if one were off by a character, a GraphQL page
 * would show another member's data or fail on a program.
 */
class JsonMembersUnitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 300)
  void eachMemberSpanHoldsExactlyThatMembersValue(
      @ForAll("objects") Map<String, Object> object, @ForAll boolean pretty) throws Exception {
    String text =
        pretty
            ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(object)
            : JSON.writeValueAsString(object);
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    JsonMembers.each(text, (name, start, end) -> seen.put(name, readTree(text, start, end)));

    Map<String, JsonNode> expected = new LinkedHashMap<>();
    JSON.readTree(text).fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue()));
    assertThat(seen).containsExactlyEntriesOf(expected);
  }

  @Test
  void stringsWithBracketsQuotesAndEscapesDoNotEndAValue() {
    String text = "{\"a\":[\"]}\\\"{\",{\"b\":\"\\\\\"}],\"c\":null , \"d\" : -1.5e3}";
    List<String> values = new ArrayList<>();
    JsonMembers.each(
        text, (name, start, end) -> values.add(name + "=" + text.substring(start, end)));
    assertThat(values).containsExactly("a=[\"]}\\\"{\",{\"b\":\"\\\\\"}]", "c=null", "d=-1.5e3");
  }

  @Test
  void anEmptyObjectHasNoMembers() {
    List<String> names = new ArrayList<>();
    JsonMembers.each(" { } ", (name, start, end) -> names.add(name));
    assertThat(names).isEmpty();
  }

  @Test
  void truncatedTextIsRefusedRatherThanMisread() {
    assertThatThrownBy(() -> JsonMembers.each("{\"a\":[1,2", (n, s, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonMembers.each("{\"a\":\"open", (n, s, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonMembers.each("[1]", (n, s, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonNode readTree(String text, int start, int end) {
    try {
      return JSON.readTree(text.substring(start, end));
    } catch (Exception e) {
      throw new AssertionError("span [" + start + "," + end + ") is not one value", e);
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    return Arbitraries.maps(names(), values(3)).ofMaxSize(8);
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
  }

  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
                Arbitraries.strings()
                    .withChars("ab{}[]\",:\\ \n\té")
                    .ofMaxLength(10)
                    .map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b))
            .injectNull(0.1);
    if (depth == 0) {
      return leaf;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, values(depth - 1).list().ofMaxSize(4).map(l -> (Object) l)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.maps(names(), values(depth - 1)).ofMaxSize(4).map(m -> (Object) m)));
  }
}
