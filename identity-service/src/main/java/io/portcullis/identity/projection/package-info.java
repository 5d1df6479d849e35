/** What identity-service learns from other services' events: the policies its users and groups hold. */
package io.portcullis.identity.projection;
