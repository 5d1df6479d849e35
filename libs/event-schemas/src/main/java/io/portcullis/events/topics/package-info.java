/** The catalogue of Kafka topics and their configuration. */
package io.portcullis.events.topics;
