/** What every service API shares: the IAM error body and the mapping of failures to it. */
package io.portcullis.runtime.api;
