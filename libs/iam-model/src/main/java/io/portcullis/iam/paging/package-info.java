/** IAM's pagination: Marker, MaxItems and IsTruncated. */
package io.portcullis.iam.paging;
