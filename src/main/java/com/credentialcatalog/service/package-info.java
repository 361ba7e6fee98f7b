/**
 * What reads and writes both stand on: the read model (ReadModelService), the change log every
 * write appends to (ChangeLog) and the catalog revision caches compare (CatalogRevision).
 * Sub-packages: read, write, compute, jsonld, failure.
 */
package com.credentialcatalog.service;
