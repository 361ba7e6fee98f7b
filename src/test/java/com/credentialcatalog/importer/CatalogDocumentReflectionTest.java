package com.credentialcatalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A record added to the import format must be registered for the native executable as well. */
class CatalogDocumentReflectionTest {

  @Test
  void shouldRegisterEveryRecordOfTheImportFormat() {
    Class<?>[] registered =
        CatalogDocumentReflection.class.getAnnotation(RegisterForReflection.class).targets();

    assertThat(registered).contains(CatalogDocument.class);
    assertThat(registered)
        .contains(
            Arrays.stream(CatalogDocument.class.getDeclaredClasses())
                .filter(Class::isRecord)
                .toArray(Class<?>[]::new));
  }
}
