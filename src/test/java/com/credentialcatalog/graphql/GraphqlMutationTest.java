package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.codes;
import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import com.credentialcatalog.graphql.GraphqlWriteFixtures.Side;
import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The mutations write what REST writes, with the same validation and optimistic concurrency. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlMutationTest {

  @Inject AgroalDataSource dataSource;

  @AfterAll
  void deleteWhatTheTestsCreated() throws Exception {
    deleteAll(dataSource);
  }

  @Test
  void shouldWriteAProgramAndItsChildrenAndReadThemBackAsRestDoes() {
    String provider = createProvider(unique("p"));
    String slug = unique("prog");
    JsonPath created =
        asAdmin(
            """
        mutation($slug: String!, $provider: String) {
          createProgram(input: {slug: $slug, name: "Analyst", acronym: "ANX", provider: $provider,
              credentialType: CERTIFICATION, level: ENTRY, deliveryModes: [SELF_PACED_ONLINE], languages: ["en", "es"],
              studyHoursMin: 20, studyHoursMax: 40, website: "https://analyst.example"}) {
            slug name version provider { slug programCount } } }
        """,
            vars("slug", slug, "provider", provider));
    assertThat(created.getInt("data.createProgram.version")).isZero();
    assertThat(created.getInt("data.createProgram.provider.programCount")).isEqualTo(1);

    JsonPath price =
        asAdmin(
            "mutation($p: String!) { addPrice(program: $p, input: "
                + PRICE
                + ") { id version feeType amount { min max } } }",
            vars("p", slug));
    assertThat(price.getInt("data.addPrice.version")).isZero();
    JsonPath exam =
        asAdmin(
            "mutation($p: String!) { addExamFormat(program: $p, input: "
                + EXAM
                + ") { id testVendors { slug } passingScore { min scale } } }",
            vars("p", slug));
    assertThat(exam.getList("data.addExamFormat.testVendors.slug")).containsExactly("pearson-vue");
    JsonPath renewal =
        asAdmin(
            "mutation($p: String!) { setRenewalPolicy(program: $p, input: "
                + RENEWAL
                + ") { cycleYears { min } version } }",
            vars("p", slug));
    assertThat(renewal.getInt("data.setRenewalPolicy.cycleYears.min")).isEqualTo(3);
    JsonPath alias =
        asAdmin(
            "mutation($p: String!) { addAlias(program: $p, alias: \"ANX®\") { aliases version } }",
            vars("p", slug));
    assertThat(alias.getList("data.addAlias.aliases")).containsExactly("ANX®");

    JsonPath rest =
        given().get("/api/v1/programs/{slug}", slug).then().statusCode(200).extract().jsonPath();
    assertThat(rest.getInt("version")).isEqualTo(alias.getInt("data.addAlias.version"));
    assertThat(rest.getList("languages")).containsExactly("en", "es");
    assertThat(rest.getLong("prices[0].id")).isEqualTo(price.getLong("data.addPrice.id"));
    assertThat(rest.getLong("exams[0].id")).isEqualTo(exam.getLong("data.addExamFormat.id"));
    assertThat(rest.getList("aliases")).containsExactly("ANX®");
    assertThat(rest.getInt("renewal.cycleYears.max")).isEqualTo(3);
  }

  @Test
  void shouldChangeOnlyTheFieldsSentAndClearThoseSentAsNull() {
    Side side = Side.create();
    JsonPath changed =
        asAdmin(
            """
        mutation($s: String!, $v: Int) {
          updateProgram(slug: $s, expectedVersion: $v, changes: {launchYear: 2019, acronym: null, languages: ["fr"]}) {
            name acronym launchYear languages studyHours { min max } version } }
        """,
            vars("s", side.program(), "v", programVersion(side.program())));
    assertThat(changed.getString("data.updateProgram.name")).isEqualTo("Program");
    assertThat(changed.getString("data.updateProgram.acronym")).isNull();
    assertThat(changed.getInt("data.updateProgram.launchYear")).isEqualTo(2019);
    assertThat(changed.getList("data.updateProgram.languages")).containsExactly("fr");
    assertThat(changed.getInt("data.updateProgram.studyHours.max")).isEqualTo(20);

    JsonPath price =
        asAdmin(
            """
        mutation($p: String!, $id: ID!, $v: Int) {
          updatePrice(program: $p, id: $id, expectedVersion: $v, changes: {validTo: "2026-01-01", note: null}) {
            amount { min max } validFrom validTo note version } }
        """,
            vars(
                "p",
                side.program(),
                "id",
                side.priceId(),
                "v",
                priceVersion(side.program(), side.priceId())));
    assertThat(price.getString("data.updatePrice.validTo")).isEqualTo("2026-01-01");
    assertThat(price.getString("data.updatePrice.validFrom")).isEqualTo("2025-01-01");
    assertThat(price.getString("data.updatePrice.note")).isNull();
    assertThat(price.getInt("data.updatePrice.version")).isEqualTo(1);
  }

  @Test
  void shouldRefuseAStaleExpectedVersionWithConflictAndChangeNothing() {
    Side side = Side.create();
    int version = programVersion(side.program());
    asAdmin(
        "mutation($s: String!, $v: Int) { updateProgram(slug: $s, expectedVersion: $v, changes: {launchYear: 2001})"
            + " { version } }",
        vars("s", side.program(), "v", version));

    JsonPath stale =
        failing(
            DevTokens.admin(),
            "mutation($s: String!, $v: Int) { updateProgram(slug: $s,"
                + " expectedVersion: $v, changes: {launchYear: 1999}) { version } }",
            vars("s", side.program(), "v", version));
    assertThat(codes(stale)).containsExactly("CONFLICT");
    assertThat(stale.getString("errors[0].message"))
        .contains("expectedVersion: " + (version + 1))
        .doesNotContain("If-Match");
    assertThat(
            query(
                    "query($s: String!) { program(slug: $s) { launchYear } }",
                    vars("s", side.program()))
                .getInt("data.program.launchYear"))
        .isEqualTo(2001);
  }

  @Test
  void shouldRequireTheExpectedVersionToChangeOrDelete() {
    Side side = Side.create();
    JsonPath missing =
        failing(
            DevTokens.admin(),
            "mutation($s: String!) { deleteProgram(slug: $s) }",
            vars("s", side.program()));
    assertThat(codes(missing)).containsExactly("BAD_USER_INPUT");
    assertThat(missing.getString("errors[0].extensions.field")).isEqualTo("expectedVersion");

    JsonPath renewal =
        failing(
            DevTokens.admin(),
            "mutation($p: String!) { setRenewalPolicy(program: $p, input: "
                + RENEWAL
                + ") { version } }",
            vars("p", side.program()));
    assertThat(codes(renewal)).containsExactly("BAD_USER_INPUT");
    assertThat(renewal.getString("errors[0].message")).contains("expectedVersion");
  }

  @Test
  void shouldValidateInputsWithTheRulesOfTheRestBodies() {
    Side side = Side.create();
    JsonPath price =
        failing(
            DevTokens.admin(),
            """
        mutation($p: String!) { addPrice(program: $p, input: {feeType: EXAM, amountMin: 300, amountMax: 200,
            currency: "usd", validFrom: "2025-01-01", validTo: "2024-01-01"}) { id } }
        """,
            vars("p", side.program()));
    assertThat(codes(price)).containsExactly("BAD_USER_INPUT");
    assertThat(price.getList("errors[0].extensions.fields.field"))
        .containsExactly("amountMax", "currency", "validTo");

    JsonPath program =
        failing(
            DevTokens.admin(),
            """
        mutation { createProgram(input: {slug: "Not Kebab", name: " ", credentialType: CERTIFICATE,
            website: "ftp://example", languages: ["english!"]}) { slug } }
        """,
            vars());
    assertThat(codes(program)).containsExactly("BAD_USER_INPUT");
    assertThat(program.getList("errors[0].extensions.fields.field"))
        .contains("slug", "name", "website", "languages[0]");

    JsonPath unknownProvider =
        failing(
            DevTokens.admin(),
            """
        mutation($s: String!) { createProgram(input: {slug: $s, name: "X", provider: "no-such-provider",
            credentialType: CERTIFICATE}) { slug } }
        """,
            vars("s", unique("prog")));
    assertThat(codes(unknownProvider)).containsExactly("BAD_USER_INPUT");
    assertThat(unknownProvider.getString("errors[0].extensions.field")).isEqualTo("provider");

    JsonPath badPatch =
        failing(
            DevTokens.admin(),
            """
        mutation($p: String!, $id: ID!, $v: Int) { updatePrice(program: $p, id: $id, expectedVersion: $v,
            changes: {amountMin: 500}) { id } }
        """,
            vars(
                "p",
                side.program(),
                "id",
                side.priceId(),
                "v",
                priceVersion(side.program(), side.priceId())));
    assertThat(codes(badPatch)).containsExactly("BAD_USER_INPUT");
    assertThat(badPatch.getList("errors[0].extensions.fields.field")).containsExactly("amountMax");
    assertThat(priceVersion(side.program(), side.priceId())).as("nothing written").isZero();
  }

  @Test
  void shouldAnswerConflictsAndMissingDataWithTheirCodes() {
    Side side = Side.create();
    JsonPath taken =
        failing(
            DevTokens.admin(),
            "mutation($s: String!) { createProvider(input: {slug: $s, name: \"X\","
                + " kind: UNIVERSITY}) { slug } }",
            vars("s", side.provider()));
    assertThat(codes(taken)).containsExactly("CONFLICT");

    JsonPath owner =
        failing(
            DevTokens.admin(),
            "mutation($s: String!, $v: Int) { deleteProvider(slug: $s," + " expectedVersion: $v) }",
            vars("s", side.provider(), "v", providerVersion(side.provider())));
    assertThat(codes(owner)).containsExactly("CONFLICT");
    assertThat(owner.getString("errors[0].message")).contains("still owns");

    JsonPath duplicateAlias =
        failing(
            DevTokens.admin(),
            "mutation($p: String!, $a: String!) { addAlias(program: $p," + " alias: $a) { slug } }",
            vars("p", side.program(), "a", side.alias().toLowerCase() + "™"));
    assertThat(codes(duplicateAlias)).containsExactly("CONFLICT");

    JsonPath noPrice =
        failing(
            DevTokens.admin(),
            "mutation($p: String!) { updatePrice(program: $p, id: \"999999999\","
                + " expectedVersion: 0, changes: {note: \"x\"}) { id } }",
            vars("p", side.program()));
    assertThat(codes(noPrice)).containsExactly("NOT_FOUND");

    JsonPath notAnId =
        failing(
            DevTokens.admin(),
            "mutation($p: String!) { deletePrice(program: $p, id: \"twelve\","
                + " expectedVersion: 0) { slug } }",
            vars("p", side.program()));
    assertThat(codes(notAnId)).containsExactly("BAD_USER_INPUT");
  }

  @Test
  void shouldForbidAnEditorToMoveItsProgramToAProviderItDoesNotHold() {
    Side side = Side.create();
    String other = createProvider(unique("p-other"));
    String move =
        "mutation($s: String!, $v: Int, $to: String) { updateProgram(slug: $s, expectedVersion: $v,"
            + " changes: {provider: $to}) { provider { slug } } }";
    JsonPath refused =
        failing(
            DevTokens.editorOf(side.provider()),
            move,
            vars("s", side.program(), "v", programVersion(side.program()), "to", other));
    assertThat(codes(refused)).containsExactly("FORBIDDEN");
    assertThat(refused.getString("errors[0].message")).contains(other);

    JsonPath moved =
        query(
            DevTokens.editorOf(side.provider(), other),
            move,
            vars("s", side.program(), "v", programVersion(side.program()), "to", other));
    assertThat(moved.getString("data.updateProgram.provider.slug")).isEqualTo(other);
  }

  @Test
  void shouldResolveTheSuccessorOfASupersededProgram() {
    Side side = Side.create();
    String successor = createProgram(unique("prog-next"), side.provider());
    asAdmin(
        "mutation($s: String!, $v: Int, $n: String) { updateProgram(slug: $s, expectedVersion: $v,"
            + " changes: {supersededBy: $n, status: RETIRED}) { slug } }",
        vars("s", side.program(), "v", programVersion(side.program()), "n", successor));
    JsonPath program =
        query(
            "query($s: String!) { program(slug: $s) { status supersededBy { slug provider { slug } } } }",
            vars("s", side.program()));
    assertThat(program.getString("data.program.supersededBy.slug")).isEqualTo(successor);
    assertThat(program.getString("data.program.supersededBy.provider.slug"))
        .isEqualTo(side.provider());
  }

  @Test
  void shouldAnswerAnInvalidTokenAt401LikeRestAndKeepReadsAnonymous() throws Exception {
    // A token that fails verification is refused by the HTTP layer before GraphQL runs, as for
    // REST:
    // 401 with WWW-Authenticate; a request without token gets UNAUTHENTICATED from the mutation.
    GraphqlClient.send(
            DevTokens.foreignlySigned("catalog-admin"),
            "mutation { createProvider(input: {slug: \"gqw-intruder\", name: \"X\", kind: UNIVERSITY}) { slug } }",
            null)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    JsonPath read = query("not-a-jwt", "{ program(slug: \"ccxp\") { slug } }", vars());
    assertThat(read.getString("data.program.slug")).isEqualTo("ccxp");
  }
}
