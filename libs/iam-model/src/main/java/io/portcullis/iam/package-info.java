/** IAM's vocabulary as values: account ids, ARNs, unique ids and tags. */
package io.portcullis.iam;
