/** org-service's REST resources: HTTP to commands and reads, nothing more. */
package io.portcullis.org.api;
