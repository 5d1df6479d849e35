/** Typed configuration of identity-service and the beans it provides to the edge, such as the clock. */
package io.portcullis.identity.config;
