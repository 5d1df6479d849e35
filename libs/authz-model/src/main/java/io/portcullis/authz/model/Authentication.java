package io.portcullis.authz.model;

/** Who signed a request, or why the signature is refused (AWS's code, message and HTTP status). */
public sealed interface Authentication {

    /**
     * The principal a verified signature names: its ARN (for a suite service, its service-principal name), its account
     * (none for a service), its unique id, the key that signed, the region and service it was signed for, and what
     * kind of principal it is ({@link PrincipalType}).
     */
    record Authenticated(String principalArn, String account, String userId, String accessKeyId, String region, String service,
                         PrincipalType principalType) implements Authentication {
    }

    record Refused(String code, String message, int httpStatus) implements Authentication {
    }

    /** The kinds of principal that sign, named as CloudTrail's {@code userIdentity.type} names them. */
    enum PrincipalType {
        /** An IAM user's access key. */
        IAM_USER("IAMUser"),
        /** An account's root, with a key derived from the installation secret. */
        ROOT("Root"),
        /** One of the suite's services, with its derived service key. */
        SERVICE("AWSService");

        private final String awsName;

        PrincipalType(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }
    }
}
