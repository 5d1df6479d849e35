/** IAM's error vocabulary: the codes callers see and the rejection a decider answers with. */
package io.portcullis.iam.error;
