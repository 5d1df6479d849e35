package io.portcullis.sigv4;

/** {@code YYYYMMDD/region/service/aws4_request}: the day, region and service a signing key is valid for. */
record CredentialScope(String date, String region, String service, String terminator) {

    static final String TERMINATOR = "aws4_request";

    String text() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }
}
