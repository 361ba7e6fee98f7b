package com.credentialcatalog.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ProviderResourceIT extends ProviderResourceTest {}
