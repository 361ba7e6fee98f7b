package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static com.credentialcatalog.graphql.GraphqlWriteFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.graphql.GraphqlWriteFixtures.Side;
import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call every mutation, as REST's WriteAuthorizationTest asks it of every write endpoint:
 * anonymous → UNAUTHENTICATED, recognition-writer → FORBIDDEN, a provider-editor on another
 * provider's data → FORBIDDEN, a provider-editor on its own → success (except creating and deleting
 * providers: admin only), catalog-admin → success. Every success appends exactly one change event
 * naming the token's subject; a refusal appends none and changes nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlMutationAuthorizationTest {

  enum Caller {
    ANONYMOUS,
    RECOGNITION_WRITER,
    FOREIGN_EDITOR,
    OWN_EDITOR,
    ADMIN
  }

  /**
   * A mutation: its name (the response field), the change event it appends, whether a provider
   * editor may call it at all, and how to call it on a side's data (document and variables).
   */
  record Call(
      String name,
      String entityType,
      boolean editorMay,
      Function<Side, String> eventSlug,
      Function<Side, Request> request) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Request(String document, Map<String, Object> variables) {}

  static final List<Call> MUTATIONS =
      List.of(
          new Call(
              "createProvider",
              "provider",
              false,
              s -> s.emptyProvider() + "-new",
              s ->
                  new Request(
                      "mutation($s: String!) { createProvider(input: {slug: $s, name: \"New\", kind: UNIVERSITY}) { slug } }",
                      vars("s", s.emptyProvider() + "-new"))),
          new Call(
              "updateProvider",
              "provider",
              true,
              Side::provider,
              s ->
                  new Request(
                      "mutation($s: String!, $v: Int) { updateProvider(slug: $s, expectedVersion: $v, changes: {acronym: \"NEW\"})"
                          + " { acronym } }",
                      vars("s", s.provider(), "v", providerVersion(s.provider())))),
          new Call(
              "deleteProvider",
              "provider",
              false,
              Side::emptyProvider,
              s ->
                  new Request(
                      "mutation($s: String!, $v: Int) { deleteProvider(slug: $s, expectedVersion: $v) }",
                      vars("s", s.emptyProvider(), "v", providerVersion(s.emptyProvider())))),
          new Call(
              "createProgram",
              "program",
              true,
              s -> s.program() + "-new",
              s ->
                  new Request(
                      "mutation($s: String!, $p: String) { createProgram(input: {slug: $s, name: \"New\", provider: $p,"
                          + " credentialType: CERTIFICATE}) { slug } }",
                      vars("s", s.program() + "-new", "p", s.provider()))),
          new Call(
              "updateProgram",
              "program",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($s: String!, $v: Int) { updateProgram(slug: $s, expectedVersion: $v, changes: {launchYear: 2020})"
                          + " { launchYear } }",
                      vars("s", s.program(), "v", programVersion(s.program())))),
          new Call(
              "deleteProgram",
              "program",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($s: String!, $v: Int) { deleteProgram(slug: $s, expectedVersion: $v) }",
                      vars("s", s.program(), "v", programVersion(s.program())))),
          new Call(
              "addPrice",
              "price",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!) { addPrice(program: $p, input: "
                          + PRICE
                          + ") { id } }",
                      vars("p", s.program()))),
          new Call(
              "updatePrice",
              "price",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $id: ID!, $v: Int) { updatePrice(program: $p, id: $id, expectedVersion: $v,"
                          + " changes: {amountMax: 175}) { amount { max } } }",
                      vars(
                          "p",
                          s.program(),
                          "id",
                          s.priceId(),
                          "v",
                          priceVersion(s.program(), s.priceId())))),
          new Call(
              "deletePrice",
              "price",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $id: ID!, $v: Int) { deletePrice(program: $p, id: $id, expectedVersion: $v) { slug } }",
                      vars(
                          "p",
                          s.program(),
                          "id",
                          s.priceId(),
                          "v",
                          priceVersion(s.program(), s.priceId())))),
          new Call(
              "addExamFormat",
              "exam-format",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!) { addExamFormat(program: $p, input: "
                          + EXAM
                          + ") { id } }",
                      vars("p", s.program()))),
          new Call(
              "updateExamFormat",
              "exam-format",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $id: ID!, $v: Int) { updateExamFormat(program: $p, id: $id, expectedVersion: $v,"
                          + " changes: {durationMinutesMax: 100}) { durationMinutes { max } } }",
                      vars(
                          "p",
                          s.program(),
                          "id",
                          s.examId(),
                          "v",
                          examVersion(s.program(), s.examId())))),
          new Call(
              "deleteExamFormat",
              "exam-format",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $id: ID!, $v: Int) { deleteExamFormat(program: $p, id: $id, expectedVersion: $v)"
                          + " { slug } }",
                      vars(
                          "p",
                          s.program(),
                          "id",
                          s.examId(),
                          "v",
                          examVersion(s.program(), s.examId())))),
          new Call(
              "setRenewalPolicy",
              "renewal-policy",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $v: Int) { setRenewalPolicy(program: $p, expectedVersion: $v, input: "
                          + RENEWAL
                          + ") { version } }",
                      vars("p", s.program(), "v", renewalVersion(s.program())))),
          new Call(
              "updateRenewalPolicy",
              "renewal-policy",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $v: Int) { updateRenewalPolicy(program: $p, expectedVersion: $v,"
                          + " changes: {creditsMax: 50}) { credits { max } } }",
                      vars("p", s.program(), "v", renewalVersion(s.program())))),
          new Call(
              "deleteRenewalPolicy",
              "renewal-policy",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $v: Int) { deleteRenewalPolicy(program: $p, expectedVersion: $v) { slug } }",
                      vars("p", s.program(), "v", renewalVersion(s.program())))),
          new Call(
              "addAlias",
              "alias",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!) { addAlias(program: $p, alias: \"Another alias\") { aliases } }",
                      vars("p", s.program()))),
          new Call(
              "removeAlias",
              "alias",
              true,
              Side::program,
              s ->
                  new Request(
                      "mutation($p: String!, $a: String!, $v: Int) { removeAlias(program: $p, alias: $a, expectedVersion: $v)"
                          + " { aliases } }",
                      vars("p", s.program(), "a", s.alias(), "v", programVersion(s.program())))));

  private Side ownShared;
  private Side otherShared;

  @Inject AgroalDataSource dataSource;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Call call : MUTATIONS) {
      cases.add(Arguments.of(call, Caller.ANONYMOUS, "UNAUTHENTICATED"));
      cases.add(Arguments.of(call, Caller.RECOGNITION_WRITER, "FORBIDDEN"));
      cases.add(Arguments.of(call, Caller.FOREIGN_EDITOR, "FORBIDDEN"));
      cases.add(Arguments.of(call, Caller.OWN_EDITOR, call.editorMay() ? null : "FORBIDDEN"));
      cases.add(Arguments.of(call, Caller.ADMIN, null));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  void shouldAllowOnlyTheRightCallers(Call call, Caller caller, String refusal) throws Exception {
    boolean succeeds = refusal == null;
    Side own;
    Side other;
    if (succeeds) {
      own = Side.create();
      other = own;
    } else {
      if (ownShared == null) {
        ownShared = Side.create();
        otherShared = Side.create();
      }
      own = ownShared;
      other = otherShared;
    }
    String token =
        switch (caller) {
          case ANONYMOUS -> null;
          case RECOGNITION_WRITER -> DevTokens.recognitionWriter();
          case FOREIGN_EDITOR, OWN_EDITOR ->
              DevTokens.editorOf(own.provider(), own.emptyProvider());
          case ADMIN -> DevTokens.admin();
        };
    Side target = caller == Caller.FOREIGN_EDITOR ? other : own;
    String eventSlug = call.eventSlug().apply(target);
    long eventsBefore = events(dataSource, call.entityType(), eventSlug);
    Request request = call.request().apply(target);

    JsonPath response =
        succeeds
            ? query(token, request.document(), request.variables())
            : GraphqlClient.failing(token, request.document(), request.variables());

    if (succeeds) {
      assertThat((Object) response.get("data." + call.name())).isNotNull();
      assertThat(events(dataSource, call.entityType(), eventSlug))
          .as("change events")
          .isEqualTo(eventsBefore + 1);
      assertThat(lastActor(dataSource, call.entityType(), eventSlug))
          .isEqualTo(caller == Caller.ADMIN ? "dev-catalog-admin" : "dev-provider-editor");
    } else {
      assertThat(GraphqlClient.codes(response)).containsExactly(refusal);
      assertThat(response.getList("errors[0].path")).containsExactly(call.name());
      assertThat((Object) response.get("data." + call.name())).isNull();
      assertThat(events(dataSource, call.entityType(), eventSlug))
          .as("no change event")
          .isEqualTo(eventsBefore);
    }
  }

  @AfterAll
  void deleteWhatTheTestsCreated() throws Exception {
    deleteAll(dataSource);
  }
}
