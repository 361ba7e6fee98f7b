package com.credentialcatalog.importer.ctdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How the import reads the value forms real Registry records use. */
class CtdlValuesUnitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void shouldReadLanguageMapsKeyedEnOrEnUsAndPlainStringsAlike() throws Exception {
    assertThat(CtdlValues.text(json("{\"en\": \"NOCTI\"}"))).isEqualTo("NOCTI");
    assertThat(CtdlValues.text(json("{\"en-US\": \"CompTIA A+\"}"))).isEqualTo("CompTIA A+");
    assertThat(CtdlValues.text(json("\"Certified Occupational Therapy Assistant\"")))
        .isEqualTo("Certified Occupational Therapy Assistant");
    assertThat(CtdlValues.text(json("{\"fr\": \"Bonjour\", \"en-GB\": \"Hello\"}")))
        .isEqualTo("Hello");
    assertThat(CtdlValues.texts(json("{\"en\": [\"Test Code 1437\", \" \"]}")))
        .containsExactly("Test Code 1437");
    assertThat(CtdlValues.text(json("{}"))).isNull();
  }

  @Test
  void shouldNameCurrenciesByIsoCodeAndRefuseToGuess() {
    assertThat(CtdlValues.currency("US Dollar")).contains("USD");
    assertThat(CtdlValues.currency("us dollar")).contains("USD");
    assertThat(CtdlValues.currency("USD")).contains("USD");
    assertThat(CtdlValues.currency("Euro")).contains("EUR");
    assertThat(CtdlValues.currency("Dollars")).isEmpty();
    assertThat(CtdlValues.currency("Galleons")).isEmpty();
  }

  @Test
  void shouldTurnLanguageNamesAndTagsIntoBcp47() {
    assertThat(CtdlValues.language("English")).contains("en");
    assertThat(CtdlValues.language("en-us")).contains("en-us");
    assertThat(CtdlValues.language("EN")).contains("en");
    assertThat(CtdlValues.language("Klingonish")).isEmpty();
  }

  @Test
  void shouldReadDurationsOnlyWhereTheyAreWhole() {
    assertThat(CtdlValues.minutes("PT2H")).contains(120);
    assertThat(CtdlValues.minutes("PT180M")).contains(180);
    assertThat(CtdlValues.minutes("P2Y")).isEmpty();
    assertThat(CtdlValues.years("P3Y")).contains(3);
    assertThat(CtdlValues.years("P36M")).contains(3);
    assertThat(CtdlValues.years("P18M")).isEmpty();
  }

  @Test
  void shouldKeyTheSameNodeAlikeUnderGraphAndResources() {
    assertThat(
            CtdlDocument.key(
                "https://credentialengineregistry.org/graph/ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31"))
        .isEqualTo(
            CtdlDocument.key(
                "https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31"))
        .isEqualTo("ce-6a62b250-a1a2-4d31-a702-cdc2437efd31");
    assertThat(CtdlDocument.key("_:b0")).isEqualTo("_:b0");
  }
}
