package io.portcullis.sigv4;

/** The text the signing key signs: algorithm, request date, credential scope and the canonical request's hash. */
record StringToSign(String amzDate, CredentialScope scope, String canonicalRequestHash) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    String text() {
        return ALGORITHM + "\n" + amzDate + "\n" + scope.text() + "\n" + canonicalRequestHash;
    }
}
