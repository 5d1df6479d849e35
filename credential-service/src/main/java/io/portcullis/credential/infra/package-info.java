/** credential-service on the command runtime: its model, the identity facts, the reaction to deleted users, the secrets' custody. */
package io.portcullis.credential.infra;
