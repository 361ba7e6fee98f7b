package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example operations in examples/graphql (CI generates TypeScript types for them from the
 * committed SDL) run against the server and answer what they promise; GraphiQL opens with one.
 */
@QuarkusTest
class GraphqlExamplesTest {

  private static final Path EXAMPLES = Path.of("examples/graphql");

  @Test
  void shouldRunEveryExampleOperation() throws Exception {
    JsonPath found =
        GraphqlClient.query(
            example("find-programs"), Map.of("filter", Map.of("levels", List.of("PROFESSIONAL"))));
    assertThat(found.getList("errors")).isNull();
    assertThat(found.getList("data.programs.edges.node.level"))
        .isNotEmpty()
        .containsOnly("PROFESSIONAL");

    JsonPath compared =
        GraphqlClient.query(
            example("compare-programs"), Map.of("programs", List.of("ccxp", "copc-certification")));
    assertThat(compared.getList("errors")).isNull();
    assertThat(compared.getList("data.compare.programs"))
        .containsExactly("ccxp", "copc-certification");
    assertThat(compared.getList("data.compare.rows")).isNotEmpty();

    JsonPath looked =
        GraphqlClient.query(
            example("lookup-credentials"), Map.of("names", List.of("CCXP®", "forklift license")));
    assertThat(looked.getList("errors")).isNull();
    assertThat(looked.getList("data.lookup.results.input"))
        .containsExactly("CCXP®", "forklift license");

    JsonPath changes = GraphqlClient.query(example("follow-changes"), Map.of());
    assertThat(changes.getList("errors")).isNull();
    assertThat(changes.getLong("data.changes.lastSeq")).isPositive();
  }

  @Test
  void shouldOpenGraphiqlWithTheFindProgramsExample() throws Exception {
    String location =
        given()
            .redirects()
            .follow(false)
            .get("/q/graphql-ui/")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    assertThat(
            URLDecoder.decode(
                location.substring(location.indexOf("query=") + 6), StandardCharsets.UTF_8))
        .isEqualTo(example("find-programs"));
    given().get("/q/graphql-ui/").then().statusCode(200).contentType(containsString("text/html"));
  }

  private static String example(String name) throws Exception {
    return Files.readString(EXAMPLES.resolve(name + ".graphql"));
  }
}
