/** Immutable maps that share structure between versions, for per-account state held in memory. */
package io.portcullis.iam.persistent;
