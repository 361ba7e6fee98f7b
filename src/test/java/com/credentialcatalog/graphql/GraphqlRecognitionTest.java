package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookup, recognition series and change feed through GraphQL mean what they mean over REST. */
@QuarkusTest
class GraphqlRecognitionTest {

  @Test
  void shouldLookUpNamesLikeTheRestEndpoint() {
    JsonPath r =
        GraphqlClient.query(
            """
        query($names: [String!]!) { lookup(names: $names) {
          similarityThreshold
          results { input normalized ambiguous candidates { program confidence matchType distinguishedBy } } } }
        """,
            Map.of("names", List.of("CCSP", "CCXP®", "forklift license")));
    assertThat(r.getBoolean("data.lookup.results[0].ambiguous")).isTrue();
    assertThat(r.getList("data.lookup.results[0].candidates.program", String.class))
        .containsExactlyInAnyOrder(
            "certified-customer-service-professional", "certified-cloud-security-professional");
    assertThat(r.getString("data.lookup.results[1].candidates[0].program")).isEqualTo("ccxp");
    assertThat(r.getString("data.lookup.results[1].normalized")).isEqualTo("ccxp");
    assertThat(r.getList("data.lookup.results[2].candidates")).isEmpty();
  }

  @Test
  void shouldRefuseAnOversizedLookupWithBadUserInput() {
    List<String> names = java.util.Collections.nCopies(501, "CCXP");
    JsonPath r =
        GraphqlClient.failing(
            "query($n: [String!]!) { lookup(names: $n) { similarityThreshold } }",
            Map.of("n", names));
    assertThat(GraphqlClient.codes(r)).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void shouldServeRecognitionAndTheChangeFeed() {
    JsonPath r =
        GraphqlClient.query(
            """
        { recognition(slug: "ccxp") { program summary { signals regions } series { region points { month share } } }
          changes(after: 0, limit: 5) { lastSeq hasMore latestSeq events { seq entityType slug operation } } }
        """);
    assertThat(r.getString("data.recognition.program")).isEqualTo("ccxp");
    assertThat(r.getList("data.changes.events")).hasSize(5);
    assertThat(r.getLong("data.changes.events[0].seq")).isEqualTo(1L);
    assertThat(r.getBoolean("data.changes.hasMore")).isTrue();
    JsonPath missing = GraphqlClient.failing("{ recognition(slug: \"nope\") { program } }");
    assertThat(GraphqlClient.codes(missing)).as(missing.prettify()).containsExactly("NOT_FOUND");
  }
}
