package com.credentialcatalog.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged app (started with the embedded database flag). */
@QuarkusIntegrationTest
class ProgramResourceIT extends ProgramResourceTest {}
