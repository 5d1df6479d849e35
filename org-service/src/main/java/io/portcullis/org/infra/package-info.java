/** org-service's wiring: its command model on the service kit. */
package io.portcullis.org.infra;
