/** Console passwords at the edge: Argon2id hashing and the traits the account password policy checks. */
package io.portcullis.credential.password;
