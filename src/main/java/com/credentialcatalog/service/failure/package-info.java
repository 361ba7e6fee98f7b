/**
 * The failures services throw (not found, conflict, stale or missing version, database unavailable)
 * and the meanings of database constraint names; both adapters render them (rest/problem,
 * graphql/ErrorCodes).
 */
package com.credentialcatalog.service.failure;
