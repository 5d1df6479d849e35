/** The HTTP edge every command service shares: standard headers, the command edge, command stamps, and IAM error bodies for every failure. */
package io.portcullis.runtime.api;
