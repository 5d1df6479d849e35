/** The AWS managed policies present in every account, as data every service reads the same way. */
package io.portcullis.iam.policies;
