package io.portcullis.runtime.api;

/**
 * Who a verified signature names: the principal's ARN (for a suite service, its service-principal name such as
 * {@code authz-service.portcullis}), its account (null for a service), the access key that signed, and its type as
 * CloudTrail names it ({@code IAMUser}, {@code Root}, {@code AWSService}).
 */
public record VerifiedCaller(String principalArn, String account, String accessKeyId, String principalType) {
}
