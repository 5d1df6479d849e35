/** The Kafka edge of identity-service: the Avro mapping of its events and its command runtime. */
package io.portcullis.identity.infra;
