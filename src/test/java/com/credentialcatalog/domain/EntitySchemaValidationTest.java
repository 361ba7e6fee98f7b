package com.credentialcatalog.domain;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The entities match the schema the Flyway migrations build.
 *
 * <p>The packaged app (prod profile) does not run Hibernate's schema validation at start-up: it
 * costs metadata queries and a few hundred milliseconds on every start, and what it checks (that
 * the entity mappings and the migrations agree) is fixed when the app is built. This test is where
 * that check happens instead, explicitly, whatever {@code
 * quarkus.hibernate-orm.schema-management.strategy} says (dev and test also keep {@code validate},
 * so every {@code @QuarkusTest} start checks it too).
 */
@QuarkusTest
class EntitySchemaValidationTest {

  @Inject EntityManagerFactory entityManagerFactory;

  @Test
  void shouldMapEveryEntityOntoTheMigratedSchema() {
    assertThatCode(() -> entityManagerFactory.getSchemaManager().validate())
        .doesNotThrowAnyException();
  }
}
