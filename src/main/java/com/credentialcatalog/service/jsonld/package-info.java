/**
 * The schema.org JSON-LD view of a program (an EducationalOccupationalCredential), written by hand
 * because it is one small, fixed mapping; see ARCHITECTURE.md.
 */
package com.credentialcatalog.service.jsonld;
