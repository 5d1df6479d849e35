/** policy-service on the command runtime: its command model, the identity facts it decides on, and its reactions to identity's events. */
package io.portcullis.policy.infra;
