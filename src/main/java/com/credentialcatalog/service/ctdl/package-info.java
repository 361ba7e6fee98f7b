/**
 * CTDL (the Credential Registry's JSON-LD language): {@link
 * com.credentialcatalog.service.ctdl.CtdlTerms}, the terms and the two-way mappings between our
 * vocabularies and CTDL's, shared by the export and the import.
 */
package com.credentialcatalog.service.ctdl;
