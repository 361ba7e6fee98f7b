package com.credentialcatalog.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.service.failure.StaleVersionException;
import graphql.ExceptionWhileDataFetching;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The mapping of failures a test cannot provoke over HTTP: unexpected ones. */
class GraphqlErrorCodesTest {

  @Test
  void shouldHideUnexpectedFailuresBehindALogId() {
    var error =
        ErrorCodes.map(
            new ExceptionWhileDataFetching(
                ResultPath.parse("/program/prices"),
                new IllegalStateException("connection pool of com.example.Secret exhausted"),
                new SourceLocation(1, 3)));
    assertThat(error.getMessage())
        .startsWith("Server Error")
        .contains("logged with id")
        .doesNotContain("Secret");
    assertThat(error.toSpecification().toString()).doesNotContain("IllegalState", "com.example");
    assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_SERVER_ERROR");
    assertThat(error.getPath()).isEqualTo(List.of("program", "prices"));
  }

  @Test
  void shouldFindAKnownFailureBehindWrappers() {
    var error =
        ErrorCodes.fromException(
            new CompletionException(
                new RuntimeException(new StaleVersionException("Price 3", 4, 2))),
            List.of(),
            List.of("updatePrice"));
    assertThat(error.code()).isEqualTo("CONFLICT");
    assertThat(error.getMessage()).contains("expectedVersion: 4").doesNotContain("If-Match");
  }

  @Test
  void shouldStripClassNamesFromMessagesMeantForClients() {
    assertThat(ErrorCodes.clean("Cannot coerce java.time.format.DateTimeParseException: bad"))
        .isEqualTo("Cannot coerce value: bad");
  }
}
