/** What a request asks to do in IAM's terms (action, resource, condition keys), and the suite's own principals. */
package io.portcullis.iam.access;
