/** What other services know of an account's users and groups, as identity-service's events tell it. */
package io.portcullis.iam.directory;
