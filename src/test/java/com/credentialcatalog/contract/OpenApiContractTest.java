package com.credentialcatalog.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a committed contract (openapi/openapi.yaml and .json). The build fails
 * when the code serves a different one. After an intended API change, regenerate with {@code ./mvnw
 * verify -Dcontract.update=true} and commit the files.
 */
@QuarkusTest
class OpenApiContractTest {

  private static final Path DIR = Path.of("openapi");
  private static final boolean UPDATE = Boolean.getBoolean("contract.update");

  @Test
  void shouldServeExactlyTheCommittedOpenApiDocument() throws Exception {
    for (String format : List.of("yaml", "json")) {
      String served =
          given()
                  .get("/q/openapi?format=" + format)
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString()
                  .replace("\r\n", "\n")
                  .stripTrailing()
              + "\n";
      Path committed = DIR.resolve("openapi." + format);
      if (UPDATE) {
        Files.createDirectories(DIR);
        Files.writeString(committed, served);
        continue;
      }
      assertThat(committed).as("committed contract " + committed).exists();
      assertThat(served)
          .as(
              "The served OpenAPI document differs from "
                  + committed
                  + "; if the change is intended run ./mvnw verify -Dcontract.update=true and commit it")
          .isEqualTo(Files.readString(committed));
    }
  }

  @Test
  void shouldDescribeAndExemplifyEveryOperationParameterAndSchema() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    List<String> gaps = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          String where = op.getKey().toUpperCase() + " " + path.getKey();
                          if (!op.getValue().hasNonNull("description")
                              || !op.getValue().hasNonNull("summary")) {
                            gaps.add(where + ": summary/description");
                          }
                          for (JsonNode p : op.getValue().path("parameters")) {
                            boolean example =
                                p.has("example")
                                    || p.has("examples")
                                    || p.path("schema").has("examples");
                            if (!p.hasNonNull("description") || !example) {
                              gaps.add(
                                  where
                                      + " parameter "
                                      + p.path("name").asText()
                                      + ": description/example");
                            }
                          }
                        }));
    doc.path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            s -> {
              if (!s.getValue().hasNonNull("description")) {
                gaps.add("schema " + s.getKey() + ": description");
              }
              if (!s.getValue().has("examples") && !s.getValue().has("example")) {
                gaps.add("schema " + s.getKey() + ": example");
              }
            });
    assertThat(gaps).as("undocumented parts of the API").isEmpty();
  }
}
