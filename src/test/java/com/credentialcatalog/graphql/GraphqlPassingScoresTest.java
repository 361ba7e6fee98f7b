package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.asAdmin;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.createProgram;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.createProvider;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.deleteAll;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An exam's passing score on several scales, through GraphQL. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlPassingScoresTest {

  @Inject AgroalDataSource dataSource;

  @AfterAll
  void deleteWhatTheTestsCreated() throws Exception {
    deleteAll(dataSource);
  }

  @Test
  void shouldShowBothScalesOfTheCcspExam() {
    JsonPath r =
        query(
            """
            { program(slug: "certified-customer-service-professional") {
                exams { passingScore { min max scale } passingScores { scale min max scaleMax } } } }
            """);
    assertThat(r.getList("data.program.exams[0].passingScores.scale"))
        .containsExactly("PERCENT", "SCALED");
    assertThat(r.getList("data.program.exams[0].passingScores.scaleMax", Integer.class))
        .containsExactly(100, 1000);
    assertThat(r.getFloat("data.program.exams[0].passingScores[1].min")).isEqualTo(700f);
    assertThat(r.getString("data.program.exams[0].passingScore.scale")).isEqualTo("PERCENT");
    assertThat(r.getFloat("data.program.exams[0].passingScore.max")).isEqualTo(75f);
  }

  @Test
  void shouldWriteSeveralScalesAndDeriveThePrimaryOne() {
    String program = createProgram(unique("prog"), createProvider(unique("p")));
    JsonPath added =
        asAdmin(
            """
            mutation($p: String!) { addExamFormat(program: $p, input: {name: "Scaled exam",
                passingScores: [{scale: SCALED, min: 700, max: 700, scaleMax: 1000},
                                {scale: PERCENT, min: 70, max: 75, scaleMax: 100}]}) {
              id version passingScore { min scale scaleMax } passingScores { scale min } } }
            """,
            vars("p", program));
    assertThat(added.getList("data.addExamFormat.passingScores.scale"))
        .containsExactly("SCALED", "PERCENT");
    assertThat(added.getString("data.addExamFormat.passingScore.scale")).isEqualTo("SCALED");
    assertThat(added.getInt("data.addExamFormat.passingScore.scaleMax")).isEqualTo(1000);

    JsonPath updated =
        asAdmin(
            """
            mutation($p: String!, $id: ID!, $v: Int!) {
              updateExamFormat(program: $p, id: $id, expectedVersion: $v,
                  changes: {passingScores: [{scale: PERCENT, min: 65, max: 65, scaleMax: 100}]}) {
                passingScore { min scale } passingScores { scale min } } }
            """,
            vars(
                "p",
                program,
                "id",
                added.getString("data.addExamFormat.id"),
                "v",
                added.getInt("data.addExamFormat.version")));
    assertThat(updated.getList("data.updateExamFormat.passingScores.scale"))
        .containsExactly("PERCENT");
    assertThat(updated.getFloat("data.updateExamFormat.passingScore.min")).isEqualTo(65f);
  }

  @Test
  void shouldRefuseAScoreAboveItsScale() {
    String program = createProgram(unique("prog"), createProvider(unique("p")));
    JsonPath refused =
        failing(
            DevTokens.admin(),
            """
            mutation($p: String!) { addExamFormat(program: $p, input: {name: "Bad",
                passingScores: [{scale: PERCENT, min: 70, max: 120}]}) { id } }
            """,
            vars("p", program));
    assertThat(refused.getList("errors[0].extensions.fields.field", String.class))
        .isEqualTo(List.of("passingScores[0].max"));
  }
}
