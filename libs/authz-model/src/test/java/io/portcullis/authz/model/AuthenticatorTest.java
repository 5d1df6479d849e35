package io.portcullis.authz.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.custody.KeyRing;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyStatusChanged;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SignedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK for Java v2 with a key credential-service made, verified against the model. */
class AuthenticatorTest {

    private static final String ACCOUNT = "222222222222";
    private static final String KEY_ID = "AKIAAAAAAAAAAAAAAAAA";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final KeyRing KEYS = KeyRing.parse(KeyRing.generateEntry("test"));

    @TempDir
    Path folder;

    private static EventEnvelope envelope(String type) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setAccountId(ACCOUNT)
                .setAggregateId(ACCOUNT).setAggregateVersion(1).setTime(Instant.EPOCH).setActor("a").setRequestId("r")
                .setCorrelationId(null).setSourceService("test").build();
    }

    private static SignedRequest signed(String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://iam.portcullis.test/?Action=ListUsers"))
                .putHeader("Host", "iam.portcullis.test").build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var result = AwsV4HttpSigner.create().sign(b -> b.identity(AwsCredentialsIdentity.create(KEY_ID, SECRET)).request(request)
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam"));
        URI uri = result.request().getUri();
        return new SignedRequest(result.request().method().name(), uri.getRawPath(), uri.getRawQuery(), result.request().headers(),
                Payload.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anActiveKeysSignatureNamesItsUserAndNothingElsePasses() {
        try (AuthzModel model = AuthzModel.open(folder)) {
            String sealed = KEYS.seal(SECRET, ACCOUNT + "/" + KEY_ID).encoded();
            model.apply(List.of(new UserCreated(envelope("UserCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", "/",
                            "arn:aws:iam::" + ACCOUNT + ":user/bob", Instant.EPOCH, List.of()),
                    new AccessKeyCreated(envelope("AccessKeyCreated"), "AIDABOBBOBBOBBOBBOBBO", "bob", KEY_ID, sealed, "Active", Instant.EPOCH)),
                    Map.of());
            Authenticator authenticator = model.authenticator(KEYS);

            assertThat(authenticator.authenticate(signed("Version=2010-05-08"), "us-east-1", "iam")).isEqualTo(
                    new Authentication.Authenticated("arn:aws:iam::" + ACCOUNT + ":user/bob", ACCOUNT, "AIDABOBBOBBOBBOBBOBBO", KEY_ID,
                            "us-east-1", "iam"));
            SignedRequest tampered = signed("Version=2010-05-08");
            tampered = new SignedRequest(tampered.method(), tampered.rawPath(), tampered.rawQuery(), tampered.headers(),
                    Payload.of("Version=2010-05-09".getBytes(StandardCharsets.UTF_8)));
            assertThat(authenticator.authenticate(tampered, "us-east-1", "iam")).isInstanceOfSatisfying(Authentication.Refused.class,
                    refused -> assertThat(refused.code()).isEqualTo("SignatureDoesNotMatch"));
            assertThat(authenticator.authenticate(signed("x"), "eu-west-1", "iam")).isInstanceOf(Authentication.Refused.class);

            model.apply(List.of(new AccessKeyStatusChanged(envelope("AccessKeyStatusChanged"), "AIDABOBBOBBOBBOBBOBBO", "bob", KEY_ID,
                    "Inactive")), Map.of());
            assertThat(authenticator.authenticate(signed("x"), "us-east-1", "iam")).isInstanceOfSatisfying(Authentication.Refused.class,
                    refused -> assertThat(refused.code()).isEqualTo("InvalidClientTokenId"));
        }
    }
}
