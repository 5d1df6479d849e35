/** The REST API of credential-service under {@code /v1/accounts/{accountId}/users/{userName}}: access keys. */
package io.portcullis.credential.api;
