/**
 * Request bodies that ask the catalog a question without changing it (eligibility against a
 * profile, credential lookup). Bodies that change the catalog live in {@code
 * com.credentialcatalog.write}; what the API answers lives in {@code com.credentialcatalog.view}.
 */
package com.credentialcatalog.request;
