/**
 * Answers to questions about the catalog, over the read model (repository/*) and the domain:
 * program and provider lists and detail, cost and comparison (with compute/*), the change feed, the
 * export, recognition reports and lookups. Nothing here writes; RequestProgramLoader keeps the
 * details a GraphQL request has loaded.
 */
package com.credentialcatalog.service.read;
