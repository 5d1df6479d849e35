/** authz-service's wiring: the read model, its feeder and readiness. */
package io.portcullis.authz.infra;
