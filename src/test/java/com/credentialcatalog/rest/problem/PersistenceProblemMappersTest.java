package com.credentialcatalog.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.service.failure.ConstraintMeanings;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** Database refusals that slip past validation: 4xx problems naming JSON fields, never SQL. */
class PersistenceProblemMappersTest {

  private final PersistenceProblemMappers mappers = new PersistenceProblemMappers();
  private final UriInfo uri =
      (UriInfo)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {UriInfo.class},
              (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/x" : null);

  private Response map(String sqlState, String constraint) {
    SQLException sql =
        new SQLException(
            "ERROR: new row for relation \"price\" violates check constraint \""
                + constraint
                + "\" Detail: Failing row contains (secret)",
            sqlState);
    return mappers.constraint(
        new ConstraintViolationException(
            "could not execute statement [insert into price ...]",
            sql,
            "insert into price values (...)",
            constraint),
        uri);
  }

  @Test
  void shouldTurnACheckIntoA400NamingTheJsonField() {
    Response r = map("23514", "price_amount_range");
    Problem p = (Problem) r.getEntity();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("amountMax");
    assertThat(p.detail()).doesNotContain("price_amount_range", "insert", "secret");
  }

  @Test
  void shouldTurnAUniqueSlugIntoA409() {
    Response r = map("23505", "program_slug_unique");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(((Problem) r.getEntity()).detail())
        .contains("slug")
        .doesNotContain("program_slug_unique");
  }

  @Test
  void shouldAnswerUnknownConstraintsGenerically() {
    assertThat(map("23514", "some_future_check").getStatus()).isEqualTo(400);
    assertThat(map("23505", "some_future_unique").getStatus()).isEqualTo(409);
    assertThat(((Problem) map("23514", "some_future_check").getEntity()).detail())
        .doesNotContain("some_future_check");
  }

  @Test
  void shouldKnowEveryNamedConstraintOfTheTablesTheWriteApiWrites() throws Exception {
    String schema;
    try (var in = getClass().getResourceAsStream("/db/migration/V1__catalog_schema.sql")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m =
        Pattern.compile("CONSTRAINT ((provider|program|price|exam|renewal)_[a-z0-9_]+)")
            .matcher(schema);
    int seen = 0;
    while (m.find()) {
      assertThat(ConstraintMeanings.known(m.group(1))).as("meaning of " + m.group(1)).isTrue();
      seen++;
    }
    assertThat(seen).isGreaterThan(30);
  }
}
