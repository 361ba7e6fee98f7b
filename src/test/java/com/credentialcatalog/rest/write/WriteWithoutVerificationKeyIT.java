package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.as;
import static com.credentialcatalog.rest.write.WriteFixtures.providerJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged app in the prod profile, where the verification key is a mounted file
 * (/deployments/jwt/publicKey.pem) that does not exist here: it starts, serves reads, and answers
 * writes with a 503 problem instead of failing.
 */
@QuarkusIntegrationTest
class WriteWithoutVerificationKeyIT {

  @Test
  void shouldServeReadsAndRefuseWritesWith503() {
    given().get("/api/v1/programs/ccxp").then().statusCode(200);
    as(DevTokens.admin())
        .body(providerJson("never-written"))
        .post("/api/v1/providers")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/writes-unavailable"));
  }
}
