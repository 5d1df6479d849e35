/** Typed configuration of identity-service. */
package io.portcullis.identity.config;
