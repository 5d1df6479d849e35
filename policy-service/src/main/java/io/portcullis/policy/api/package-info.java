/** The REST API of policy-service under {@code /v1/accounts/{accountId}}: resources and their request and response records. */
package io.portcullis.policy.api;
