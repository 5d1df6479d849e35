/** The Quarkus wiring every service shares: the service kit, readiness, start-up setup of topics and schema rules, the clock. */
package io.portcullis.runtime.infra;
