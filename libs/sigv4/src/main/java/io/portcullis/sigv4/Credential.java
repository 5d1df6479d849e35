package io.portcullis.sigv4;

import java.util.List;

/** The {@code Credential} of a signature: {@code accessKeyId/YYYYMMDD/region/service/aws4_request}. */
record Credential(String accessKeyId, CredentialScope scope) {

    static Credential parse(String credential) throws Rejection {
        // AWS ignores trailing slashes here; split drops trailing empty strings the same way.
        List<String> parts = List.of(credential.split("/"));
        if (parts.size() != 5) {
            // AWS appends "got '<credential>'": left out, since clients that swap key id and secret send the
            // secret right here.
            throw new Rejection(new SigV4Error.IncompleteSignature("Credential must have exactly 5 slash-delimited "
                    + "elements, e.g. keyid/date/region/service/term"));
        }
        return new Credential(parts.get(0), new CredentialScope(parts.get(1), parts.get(2), parts.get(3), parts.get(4)));
    }
}
