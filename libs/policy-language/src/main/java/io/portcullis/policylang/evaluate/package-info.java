/** Decides a request against every applicable policy type with AWS's evaluation logic and returns the decision with its reasons. */
package io.portcullis.policylang.evaluate;
