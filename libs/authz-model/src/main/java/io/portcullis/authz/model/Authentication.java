package io.portcullis.authz.model;

/** Who signed a request, or why the signature is refused (AWS's code, message and HTTP status). */
public sealed interface Authentication {

    record Authenticated(String principalArn, String account, String userId, String accessKeyId, String region, String service)
            implements Authentication {
    }

    record Refused(String code, String message, int httpStatus) implements Authentication {
    }
}
