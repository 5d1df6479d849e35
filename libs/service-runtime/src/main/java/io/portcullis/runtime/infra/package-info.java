/** Adapters to Kafka and Apicurio Registry: topic provisioning, schema rules. */
package io.portcullis.runtime.infra;
