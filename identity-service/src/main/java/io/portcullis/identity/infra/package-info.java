/** identity-service on the command runtime: its command model and the edge the resources use. */
package io.portcullis.identity.infra;
