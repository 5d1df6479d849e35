/** credential-service's configuration: the key-encryption keys. */
package io.portcullis.credential.config;
