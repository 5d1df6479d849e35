package io.portcullis.testkit;

import io.portcullis.custody.DerivedKey;
import io.portcullis.sigv4.SigV4Signer;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How tests sign the requests they send, as any client of the suite does: AWS Signature Version 4 with the signing name
 * a route takes ({@code organizations} for org-service's, {@code iam} for everything else). By default a request acts
 * as the root of the account its path names (every existing test then keeps acting as its account's owner); a test
 * that wants another principal gives its key.
 */
public final class TestSigning {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/v1/accounts/(\\d{12})(/.*)?$");

    private TestSigning() {
    }

    /** A key a test signs with: its id and secret. */
    public record Key(String accessKeyId, String secret) {
        public static Key rootOf(String account) {
            DerivedKey root = TestSecrets.rootOf(account);
            try {
                return new Key(root.accessKeyId(), new String(root.secret()));
            } finally {
                root.destroy();
            }
        }

        /** {@code accessKeyId:secret}. */
        public static Key parse(String configured) {
            int colon = configured.indexOf(':');
            return new Key(configured.substring(0, colon), configured.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Key[" + accessKeyId + "]";
        }
    }

    /** The signing name of the route at {@code path}. */
    public static String signingNameOf(String path) {
        return path != null && path.matches("^/v1/accounts/\\d{12}/organization(/.*)?$") ? "organizations" : "iam";
    }

    /** The root key of the account {@code path} names, or of {@link TestSecrets#DEFAULT_ACCOUNT} when it names none. */
    public static Key defaultKeyFor(String path) {
        Matcher account = ACCOUNT_PATH.matcher(path == null ? "" : path);
        return Key.rootOf(account.matches() ? account.group(1) : TestSecrets.DEFAULT_ACCOUNT);
    }

    /** The headers that sign the request with {@code key} for {@code region}: {@code Host}, {@code X-Amz-Date}, {@code Authorization}. */
    public static Map<String, String> headers(String method, URI uri, byte[] body, Key key, String region) {
        SigV4Signer signer = SigV4Signer.of(key.accessKeyId(), key.secret().toCharArray(), region, signingNameOf(uri.getRawPath()));
        try {
            return new LinkedHashMap<>(signer.sign(method, uri, Map.<String, List<String>>of(), body, Instant.now()));
        } finally {
            signer.destroy();
        }
    }

    /**
     * The JDK HttpClient request to {@code uri} signed as the root of the path's account: {@code builder} with the
     * signature's headers ({@code Host} is the client's to set, and it sets the one signed).
     */
    public static java.net.http.HttpRequest.Builder signed(java.net.http.HttpRequest.Builder builder, String method, URI uri, byte[] body) {
        headers(method, uri, body).forEach((name, value) -> {
            if (!name.equals("Host")) {
                builder.header(name, value);
            }
        });
        return builder;
    }

    /** As {@link #headers(String, URI, byte[], Key, String)}, as the root of the path's account, in {@code us-east-1}. */
    public static Map<String, String> headers(String method, URI uri, byte[] body) {
        return headers(method, uri, body, defaultKeyFor(uri.getRawPath()), "us-east-1");
    }
}
