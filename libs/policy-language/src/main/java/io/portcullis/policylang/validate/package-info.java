/** Checks a parsed policy against IAM's rules for its policy kind and returns every diagnostic, in IAM's terms, with its location. */
package io.portcullis.policylang.validate;
