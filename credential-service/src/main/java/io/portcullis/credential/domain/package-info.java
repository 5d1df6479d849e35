/** The pure credentials of one account: access keys, decided on identity-service's users. */
package io.portcullis.credential.domain;
