/** The REST API of identity-service under {@code /v1/accounts/{accountId}}: resources and their request and response records. */
package io.portcullis.identity.api;
