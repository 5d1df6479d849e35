/** Real Kafka and Apicurio Registry for tests: a JUnit 5 extension and a Quarkus test resource. */
package io.portcullis.testkit;
