/** Parses policy JSON into an immutable syntax tree whose every element knows its location, reporting structural errors as diagnostics. */
package io.portcullis.policylang.syntax;
