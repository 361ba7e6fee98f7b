package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.rest.problem.PersistenceProblemMappers;
import com.credentialcatalog.rest.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database refusal that slipped past validation reads the same on both surfaces: the words of the
 * REST problem are the GraphQL message, the field the same, a conflict a conflict.
 */
class ConstraintWordsTest {

  @ParameterizedTest
  @CsvSource({
    "23514, price_amount_range, 400, BAD_USER_INPUT",
    "23514, program_launch_year_range, 400, BAD_USER_INPUT",
    "23505, program_slug_unique, 409, CONFLICT",
    "23503, program_provider_id_fkey, 409, CONFLICT",
    "23514, some_future_check, 400, BAD_USER_INPUT"
  })
  void shouldSayTheSameAboutAConstraintOnBothSurfaces(
      String sqlState, String constraint, int status, String code) {
    ConstraintViolationException refusal =
        new ConstraintViolationException(
            "could not execute statement",
            new SQLException("violates check constraint \"" + constraint + "\"", sqlState),
            "insert …",
            constraint);

    Response rest = new PersistenceProblemMappers().constraint(refusal, null);
    CatalogError graphql =
        ErrorCodes.fromException(new RuntimeException(refusal), List.of(), List.of("addPrice"));

    Problem problem = (Problem) rest.getEntity();
    assertThat(rest.getStatus()).isEqualTo(status);
    assertThat(graphql.code()).isEqualTo(code);
    assertThat(graphql.getMessage()).isEqualTo(problem.detail()).doesNotContain(constraint);
    String field = problem.errors() == null ? null : problem.errors().get(0).field();
    assertThat(graphql.getExtensions().get("field")).isEqualTo(field);
    if (constraint.equals("price_amount_range")) {
      assertThat(graphql.getExtensions()).containsEntry("field", "amountMax");
      assertThat(graphql.getMessage())
          .isEqualTo("Invalid input: amountMax must be greater than or equal to amountMin");
    }
    assertThat(graphql.getExtensions()).doesNotContainKey("fields").isInstanceOf(Map.class);
  }
}
