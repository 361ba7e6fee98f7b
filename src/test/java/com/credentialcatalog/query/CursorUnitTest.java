package com.credentialcatalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cursor codec: what it seals comes back unchanged, and anything else is refused naming the
 * cursor. Cursors carry no expiry: they stay valid while the deployment's secret does. The secret
 * is read from MicroProfile Config on each use, so the test registers a config it can change.
 */
class CursorUnitTest {

  private final Map<String, String> settings = new HashMap<>();
  private Config config;

  @BeforeEach
  @BeforeProperty
  void registerConfig() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    try {
      resolver.releaseConfig(resolver.getConfig(loader));
    } catch (IllegalStateException none) {
      // nothing registered yet
    }
    ConfigSource live =
        new MapBackedConfigSource("test", settings, 1000) {
          @Override
          public String getValue(String name) {
            return settings.get(name);
          }

          @Override
          public Set<String> getPropertyNames() {
            return settings.keySet();
          }
        };
    config = new SmallRyeConfigBuilder().withSources(live).build();
    resolver.registerConfig(config, loader);
    settings.put(Cursor.SECRET_KEY, "secret-one");
  }

  @AfterEach
  @AfterProperty
  void releaseConfig() {
    ConfigProviderResolver.instance().releaseConfig(config);
  }

  @Property(tries = 300)
  void shouldDecodeWhatItEncoded(
      @ForAll String fingerprint, @ForAll String value, @ForAll long id) {
    // A fingerprint is hex; the lone NUL is the codec's marker of a null value, which a sort value
    // read from PostgreSQL (text never holds NUL) cannot be.
    net.jqwik.api.Assume.that(!fingerprint.contains("\n") && !value.equals("\u0000"));
    Cursor cursor = new Cursor(fingerprint, value, id);

    assertThat(Cursor.decode(cursor.encode(), fingerprint)).isEqualTo(cursor);
  }

  @Test
  void shouldKeepANullSortValueApartFromEveryText() {
    Cursor nullValue = new Cursor("f", null, 7);
    Cursor emptyValue = new Cursor("f", "", 7);

    assertThat(Cursor.decode(nullValue.encode(), "f").value()).isNull();
    assertThat(Cursor.decode(emptyValue.encode(), "f").value()).isEmpty();
    assertThat(Cursor.decode(new Cursor("f", "a\nb", 7).encode(), "f").value()).isEqualTo("a\nb");
  }

  @Test
  void shouldBeUrlSafe() {
    assertThat(new Cursor("f", "Ünïcødé / + =", Long.MIN_VALUE).encode()).matches("[A-Za-z0-9_-]+");
  }

  @Property(tries = 300)
  void shouldRefuseAnyChangedCharacter(
      @ForAll("positions") int position, @ForAll("letters") char replacement) {
    String encoded = new Cursor("fp", "Customer Experience", 42).encode();
    // Not the last character: its low bits may be padding that decodes to the same bytes.
    int at = position % (encoded.length() - 1);
    net.jqwik.api.Assume.that(encoded.charAt(at) != replacement);
    String tampered = encoded.substring(0, at) + replacement + encoded.substring(at + 1);

    assertThatThrownBy(() -> Cursor.decode(tampered, "fp"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void shouldRefuseACursorSealedUnderAnotherSecret() {
    String encoded = new Cursor("fp", "x", 1).encode();
    settings.put(Cursor.SECRET_KEY, "secret-two");

    assertThatThrownBy(() -> Cursor.decode(encoded, "fp"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("another deployment");
    settings.put(Cursor.SECRET_KEY, "secret-one");
    assertThat(Cursor.decode(encoded, "fp").id()).isEqualTo(1);
  }

  @Test
  void shouldRefuseACursorOfAnotherQuery() {
    String encoded = new Cursor("fp", "x", 1).encode();

    assertThatThrownBy(() -> Cursor.decode(encoded, "other"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("different filter or sort");
  }

  @Test
  void shouldRefuseGarbageAsMalformed() {
    for (String garbage :
        new String[] {
          "", "not base64!", "c2hvcnQ", Base64.getUrlEncoder().encodeToString(new byte[40])
        }) {
      assertThatThrownBy(() -> Cursor.decode(garbage, "fp"))
          .as(garbage)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> positions() {
    return net.jqwik.api.Arbitraries.integers().between(0, 1000);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Character> letters() {
    return net.jqwik.api.Arbitraries.chars()
        .with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
  }
}
