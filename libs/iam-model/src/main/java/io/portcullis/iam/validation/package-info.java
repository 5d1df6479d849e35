/** IAM's parameter shapes and tag rules, reported in AWS's validation-error format. */
package io.portcullis.iam.validation;
