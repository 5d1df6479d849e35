/** The REST API of identity-service under {@code /v1/accounts/{accountId}}: resources, DTOs, header parsing and result mapping. */
package io.portcullis.identity.api;
