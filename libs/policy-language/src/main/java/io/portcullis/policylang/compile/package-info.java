/** Turns a valid policy into matchers built once (lower-cased actions indexed by service, wildcard and CIDR matchers) that evaluate a request without re-parsing. */
package io.portcullis.policylang.compile;
