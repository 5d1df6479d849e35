package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.sigv4.VerificationResult.Rejected;
import io.portcullis.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signing examples AWS publishes: the IAM ListUsers request of "Create a signed AWS API request" (IAM User
 * Guide, formerly General Reference "Signing AWS Requests with Signature Version 4"), cases of the
 * "Signature Version 4 test suite" (aws-sig-v4-test-suite), and the presigned GET of the S3 API Reference
 * ("Example: Presigned URL"). Each value below is copied from those pages, never computed by this library.
 */
class AwsDocumentationExamplesTest {

    private static final String EXAMPLE_KEY_ID = "AKIDEXAMPLE";
    private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void iamListUsersExampleVerifiesWithTheDocumentedIntermediateValues() throws Rejection {
        SignedRequest listUsers = new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Map.of(
                "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                "Host", List.of("iam.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")),
                Payload.empty());

        VerificationResult<String> result = verifier("us-east-1", "iam", SUITE_TIME).verify(listUsers);

        Verified<String> verified = Results.verified(result);
        assertThat(verified.accessKeyId()).isEqualTo(EXAMPLE_KEY_ID);
        assertThat(verified.region()).isEqualTo("us-east-1");
        assertThat(verified.service()).isEqualTo("iam");
        assertThat(verified.signedAt()).isEqualTo(SUITE_TIME);
        assertThat(verified.principal()).isEqualTo("example-user");
        CanonicalRequest canonical = CanonicalRequest.of(listUsers, QueryString.parse(listUsers.rawQuery()),
                "content-type;host;x-amz-date", EMPTY_SHA256, CanonicalUri.NORMALIZED_AND_ENCODED_AGAIN);
        assertThat(canonical.sha256Hex()).isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        CredentialScope scope = new CredentialScope("20150830", "us-east-1", "iam", "aws4_request");
        try (SigningKey key = SigningKey.derive(SecretAccessKey.copyOf(EXAMPLE_SECRET.toCharArray()), scope)) {
            assertThat(key.hex()).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
            assertThat(key.sign(new StringToSign("20150830T123600Z", scope, canonical.sha256Hex())))
                    .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        }
    }

    @Test
    void iamListUsersExampleWithAnyOtherSignatureDoesNotMatch() {
        SignedRequest forged = new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Map.of(
                "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                "Host", List.of("iam.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d8")),
                Payload.empty());

        assertThat(verifier("us-east-1", "iam", SUITE_TIME).verify(forged))
                .isEqualTo(new Rejected<String>(SigV4Error.SignatureDoesNotMatch.calculatedDiffers()));
    }

    record SuiteCase(String name, String method, String path, String query, List<String[]> headers, String body,
                     String signedHeaders, String canonicalRequest, String canonicalRequestHash, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<SuiteCase> testSuite() {
        String hostAndDate = "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n";
        return Stream.of(
                suite("get-vanilla", "GET", "/", "", List.of(), "", "host;x-amz-date",
                        "GET\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                suite("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", List.of(), "",
                        "host;x-amz-date",
                        "GET\n/\nParam1=value1&Param2=value2\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                suite("get-vanilla-query-order-key", "GET", "/", "Param1=value2&Param1=Value1", List.of(), "",
                        "host;x-amz-date",
                        "GET\n/\nParam1=Value1&Param1=value2\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89",
                        "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"),
                suite("get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", List.of(), "",
                        "host;x-amz-date",
                        "GET\n/\nParam1=value1&Param1=value2\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                suite("get-vanilla-query-unreserved", "GET", "/",
                        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                                + "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", List.of(), "",
                        "host;x-amz-date",
                        "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                                + "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n" + hostAndDate
                                + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                suite("get-vanilla-utf8-query", "GET", "/", "\u1234=bar", List.of(), "", "host;x-amz-date",
                        "GET\n/\n%E1%88%B4=bar\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                suite("get-header-key-duplicate", "GET", "/", "",
                        List.<String[]>of(h("My-Header1", "value2"), h("My-Header1", "value2"), h("My-Header1", "value1")), "",
                        "host;my-header1;x-amz-date",
                        "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\n"
                                + "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + EMPTY_SHA256,
                        "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                suite("get-header-value-order", "GET", "/", "",
                        List.<String[]>of(h("My-Header1", "value4"), h("My-Header1", "value1"), h("My-Header1", "value3"),
                                h("My-Header1", "value2")), "",
                        "host;my-header1;x-amz-date",
                        "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\n"
                                + "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + EMPTY_SHA256,
                        "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
                        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
                suite("get-header-value-trim", "GET", "/", "",
                        List.<String[]>of(h("My-Header1", " value1"), h("My-Header2", " \"a   b   c\"")), "",
                        "host;my-header1;my-header2;x-amz-date",
                        "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\n"
                                + "x-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n" + EMPTY_SHA256,
                        "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                suite("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "",
                        List.of(), "", "host;x-amz-date",
                        "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\n" + hostAndDate
                                + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
                        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                suite("get-space (path as the suite writes it, unencoded)", "GET", "/example space/", "", List.of(), "",
                        "host;x-amz-date",
                        "GET\n/example%20space/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
                suite("get-relative", "GET", "/example/..", "", List.of(), "", "host;x-amz-date",
                        "GET\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                suite("get-relative-relative", "GET", "/example1/example2/../..", "", List.of(), "", "host;x-amz-date",
                        "GET\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                suite("get-slash", "GET", "//", "", List.of(), "", "host;x-amz-date",
                        "GET\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                suite("get-slash-dot-slash", "GET", "/./", "", List.of(), "", "host;x-amz-date",
                        "GET\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                suite("get-slash-pointless-dot", "GET", "/./example", "", List.of(), "", "host;x-amz-date",
                        "GET\n/example\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
                        "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
                suite("get-slashes", "GET", "//example//", "", List.of(), "", "host;x-amz-date",
                        "GET\n/example/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
                        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
                suite("post-vanilla", "POST", "/", "", List.of(), "", "host;x-amz-date",
                        "POST\n/\n\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                suite("post-vanilla-query", "POST", "/", "Param1=value1", List.of(), "", "host;x-amz-date",
                        "POST\n/\nParam1=value1\n" + hostAndDate + "\nhost;x-amz-date\n" + EMPTY_SHA256,
                        "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                suite("post-header-key-sort", "POST", "/", "", List.<String[]>of(h("My-Header1", "value1")), "",
                        "host;my-header1;x-amz-date",
                        "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\n"
                                + "host;my-header1;x-amz-date\n" + EMPTY_SHA256,
                        "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
                        "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
                suite("post-header-value-case", "POST", "/", "", List.<String[]>of(h("My-Header1", "VALUE1")), "",
                        "host;my-header1;x-amz-date",
                        "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z\n\n"
                                + "host;my-header1;x-amz-date\n" + EMPTY_SHA256,
                        "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
                        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
                suite("post-sts-header-before", "POST", "/", "", List.<String[]>of(h("X-Amz-Security-Token", SUITE_TOKEN)), "",
                        "host;x-amz-date;x-amz-security-token",
                        "POST\n/\n\n" + hostAndDate + "x-amz-security-token:" + SUITE_TOKEN + "\n\n"
                                + "host;x-amz-date;x-amz-security-token\n" + EMPTY_SHA256,
                        "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
                        "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"));
    }

    private static final String SUITE_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKW"
            + "HGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPk"
            + "yQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypN"
            + "C9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSuite")
    void signatureVersion4TestSuite(SuiteCase suiteCase) throws Rejection {
        SignedRequest request = suiteRequest(suiteCase);
        String bodyHash = Hashing.sha256Hex(suiteCase.body().getBytes(StandardCharsets.UTF_8));

        CanonicalRequest canonical = CanonicalRequest.of(request, QueryString.parse(request.rawQuery()),
                suiteCase.signedHeaders(), bodyHash, CanonicalUri.NORMALIZED_AND_ENCODED_AGAIN);
        StringToSign stringToSign = new StringToSign("20150830T123600Z",
                new CredentialScope("20150830", "us-east-1", "service", "aws4_request"), canonical.sha256Hex());

        assertThat(canonical.text()).isEqualTo(suiteCase.canonicalRequest());
        // The suite's .sts file: its last line is the canonical request's hash.
        assertThat(stringToSign.text()).isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                + "20150830/us-east-1/service/aws4_request\n" + suiteCase.canonicalRequestHash());
        assertThat(Results.verified(verifier("us-east-1", "service", SUITE_TIME).verify(request)).accessKeyId())
                .isEqualTo(EXAMPLE_KEY_ID);
    }

    @Test
    void testSuiteRequestWithTheSignatureOfAnotherCaseDoesNotMatch() {
        SuiteCase orderKeyCase = testSuite().filter(c -> c.name().equals("get-vanilla-query-order-key-case")).findFirst()
                .orElseThrow();
        SuiteCase withVanillaSignature = new SuiteCase(orderKeyCase.name(), orderKeyCase.method(), orderKeyCase.path(),
                orderKeyCase.query(), orderKeyCase.headers(), orderKeyCase.body(), orderKeyCase.signedHeaders(),
                orderKeyCase.canonicalRequest(), orderKeyCase.canonicalRequestHash(),
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        assertThat(verifier("us-east-1", "service", SUITE_TIME).verify(suiteRequest(withVanillaSignature)).isVerified())
                .isFalse();
    }

    // S3 API Reference, "Authenticating Requests: Using Query Parameters", example presigned GET.
    private static final String S3_PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    @Test
    void s3PresignedUrlExampleVerifiesUntilItsExpiry() {
        SignedRequest presigned = new SignedRequest("GET", "/test.txt", S3_PRESIGNED_QUERY,
                Map.of("Host", List.of("examplebucket.s3.amazonaws.com")), Payload.empty());
        Instant signedAt = Instant.parse("2013-05-24T00:00:00Z");

        Verified<String> verified = Results.verified(s3Verifier(signedAt.plusSeconds(3600)).verify(presigned));
        assertThat(verified.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(verified.authLocation()).isEqualTo(VerificationResult.AuthLocation.QUERY_STRING);
        assertThat(verified.payloadSigned()).isFalse();
        assertThat(s3Verifier(signedAt.plusSeconds(86400)).verify(presigned).isVerified()).isTrue();
        assertThat(s3Verifier(signedAt.plusSeconds(86401)).verify(presigned))
                .isEqualTo(new Rejected<String>(new SigV4Error.RequestExpired()));
    }

    private static SigV4Verifier<String> s3Verifier(Instant now) {
        return new SigV4Verifier<>("us-east-1", "s3",
                new TestKeys().with("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "s3-example"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SigV4Verifier<String> verifier(String region, String service, Instant now) {
        return new SigV4Verifier<>(region, service, new TestKeys().with(EXAMPLE_KEY_ID, EXAMPLE_SECRET, "example-user"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SignedRequest suiteRequest(SuiteCase suiteCase) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", new ArrayList<>(List.of("example.amazonaws.com")));
        headers.put("X-Amz-Date", new ArrayList<>(List.of("20150830T123600Z")));
        for (String[] header : suiteCase.headers()) {
            headers.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]);
        }
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                + "aws4_request, SignedHeaders=" + suiteCase.signedHeaders() + ", Signature=" + suiteCase.signature()));
        return new SignedRequest(suiteCase.method(), suiteCase.path(), suiteCase.query(), headers,
                Payload.of(suiteCase.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static SuiteCase suite(String name, String method, String path, String query, List<String[]> headers,
                                   String body, String signedHeaders, String canonicalRequest, String canonicalRequestHash,
                                   String signature) {
        return new SuiteCase(name, method, path, query, headers, body, signedHeaders, canonicalRequest,
                canonicalRequestHash, signature);
    }

    private static String[] h(String name, String value) {
        return new String[] {name, value};
    }
}
