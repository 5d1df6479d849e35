/** authz-service's REST API: decisions from the read model, and what the model holds. */
package io.portcullis.authz.api;
