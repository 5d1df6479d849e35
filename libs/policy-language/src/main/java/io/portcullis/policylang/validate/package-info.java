/**
 * Checks a parsed policy against IAM's rules for its policy kind and returns every diagnostic, in IAM's terms, with
 * its location, and for a valid document the warnings AWS gives about constructs it accepts but discourages.
 */
package io.portcullis.policylang.validate;
