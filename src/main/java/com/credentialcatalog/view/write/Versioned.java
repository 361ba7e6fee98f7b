package com.credentialcatalog.view.write;

/**
 * A representation and the version it was read or written at; the REST adapter turns the version
 * into the strong {@code ETag} clients send back in {@code If-Match}.
 */
public record Versioned<T>(T body, long version) {}
