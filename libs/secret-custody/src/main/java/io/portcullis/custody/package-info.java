/**
 * Secrets in custody: sealed with AES-256-GCM under a key-encryption key named by id, bound to what they
 * belong to, so a secret can travel in an event that every replica and authz-service read, and be unsealed
 * only where the key is configured.
 */
package io.portcullis.custody;
