package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The served GraphQL schema is the committed contract, openapi/schema.graphql. After an intended
 * change, regenerate the file with {@code ./mvnw verify -Dtest=GraphqlSchemaContractTest -DskipITs
 * -Dcontract.update=true} and commit it.
 */
@QuarkusTest
class GraphqlSchemaContractTest {

  static final Path CONTRACT = Path.of("openapi/schema.graphql");

  @Test
  void shouldServeExactlyTheCommittedSchema() throws Exception {
    String served =
        normalize(
            given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
    if (Boolean.getBoolean("contract.update")) {
      Files.createDirectories(CONTRACT.getParent());
      Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(CONTRACT))
        .as(
            "%s is missing; create it with ./mvnw verify -Dtest=GraphqlSchemaContractTest -Dcontract.update=true -DskipITs",
            CONTRACT)
        .isTrue();
    String committed = normalize(Files.readString(CONTRACT, StandardCharsets.UTF_8));
    assertThat(served)
        .as(
            "The served GraphQL schema differs from %s. If the change is intended, regenerate the file with"
                + " ./mvnw verify -Dtest=GraphqlSchemaContractTest -Dcontract.update=true -DskipITs and commit it",
            CONTRACT)
        .isEqualTo(committed);
  }

  static String normalize(String sdl) {
    return sdl.replace("\r\n", "\n").replace('\r', '\n').strip() + "\n";
  }
}
