package io.portcullis.sigv4;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer and hands them over as the verifier sees them. */
final class SdkSigning {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final String service;

    SdkSigning(AwsCredentialsIdentity credentials, String region, String service) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    static SdkHttpRequest request(SdkHttpMethod method, String uri, Map<String, List<String>> headers) {
        return SdkHttpRequest.builder().method(method).uri(URI.create(uri)).headers(headers).build();
    }

    /** Signed in the {@code Authorization} header at {@code at}. */
    io.portcullis.sigv4.SignedRequest inHeader(SdkHttpRequest request, byte[] body, Instant at) {
        SignedRequest signed = SIGNER.sign(b -> b.identity(credentials).request(request)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return asReceived(signed.request(), body);
    }

    /** A presigned URL ({@code AUTH_LOCATION=QUERY_STRING}) made at {@code at}, valid for {@code expiresIn}. */
    io.portcullis.sigv4.SignedRequest presigned(SdkHttpRequest request, byte[] body, Instant at, Duration expiresIn) {
        SignedRequest signed = SIGNER.sign(b -> b.identity(credentials).request(request)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiresIn)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return asReceived(signed.request(), body);
    }

    /** What a server gets: the encoded path and query of the URI the SDK would send, every header, the body. */
    static io.portcullis.sigv4.SignedRequest asReceived(SdkHttpRequest signed, byte[] body) {
        URI uri = signed.getUri();
        return new io.portcullis.sigv4.SignedRequest(signed.method().name(), uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), signed.headers(), Payload.of(body));
    }
}
