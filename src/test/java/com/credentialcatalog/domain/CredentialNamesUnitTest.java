package com.credentialcatalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one name normalization: how lookups meet stored aliases. */
class CredentialNamesUnitTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CCXP®|ccxp",
        "ccxp|ccxp",
        "C.C.X.P. Certification|ccxp",
        "CCXP(TM)|ccxp",
        "COPC™ Certified|copc",
        "Six Sigma² Green Belt|six sigma2 green belt",
        "  HDI -- Support Center Analyst  |hdi support center analyst",
        "Customer Service Certification Program|customer service",
        "Certification|certification",
        "e.g. CX Pro|eg cx pro"
      })
  void shouldNormalize(String name, String expected) {
    assertThat(CredentialNames.normalize(name)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void shouldNormalizeNullToEmpty() {
    assertThat(CredentialNames.normalize(null)).isEmpty();
  }

  @Property(tries = 500)
  void shouldBeIdempotent(@ForAll String name) {
    String once = CredentialNames.normalize(name);

    assertThat(CredentialNames.normalize(once)).isEqualTo(once);
  }

  @Property(tries = 500)
  void shouldIgnoreCaseAndTrademarkSigns(@ForAll("names") String name) {
    assertThat(CredentialNames.normalize(name.toUpperCase(java.util.Locale.ROOT) + "®"))
        .isEqualTo(CredentialNames.normalize(name));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> names() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars(' ', '-')
        .ofMinLength(1)
        .ofMaxLength(30);
  }
}
