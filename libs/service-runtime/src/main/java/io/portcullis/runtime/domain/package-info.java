/** The decider contract every service aggregate implements, and IAM-style rejections. */
package io.portcullis.runtime.domain;
