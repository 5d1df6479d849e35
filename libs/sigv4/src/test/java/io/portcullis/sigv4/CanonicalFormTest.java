package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical URI, query and header rules on the cases the AWS test suite does not cover. */
class CanonicalFormTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                     | /",
        "/                      | /",
        "/users/a%20b           | /users/a%2520b",
        "/caf%C3%A9/            | /caf%25C3%25A9/",
        "/a+b                   | /a%2Bb",
        "/a/b/..                | /a",
        "/a/b/.                 | /a/b",
        "/../a                  | /a",
        "/a/%2E%2E/b            | /a/%252E%252E/b",
        "/~user/-._             | /~user/-._"})
    void everyServiceButS3NormalizesThenEncodesTheWirePathOnceMore(String rawPath, String canonical) {
        assertThat(CanonicalUri.forService("iam").of(rawPath.isEmpty() ? "/" : rawPath)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/bucket/a%20b         | /bucket/a%20b",
        "/bucket/a b           | /bucket/a%20b",
        "/bucket/photos//x/../y | /bucket/photos//x/../y",
        "/bucket/%7Euser%21    | /bucket/~user%21",
        "/bucket/key/          | /bucket/key/"})
    void s3KeepsThePathAndOnlyFixesItsEncoding(String rawPath, String canonical) {
        assertThat(CanonicalUri.forService("s3").of(rawPath)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "b=2&a=1                    | a=1&b=2",
        "a=2&a=10&a=1               | a=1&a=10&a=2",
        "a=x+y&b=x%20y&c=x%2By      | a=x%20y&b=x%20y&c=x%2By",
        "flag&=orphan&&x=           | flag=&x=",
        "%7e=%7E&s=%2f              | s=%2F&~=~",
        "A=1&a=1&B=1                | A=1&B=1&a=1",
        "X-Amz-Signature=abc&k=v    | k=v",
        "p=100%&q=%zz               | p=100%25&q=%25zz"})
    void queryStringsAreDecodedThenEncodedAndSortedAsAwsDoes(String rawQuery, String canonical) {
        assertThat(QueryString.parse(rawQuery).canonical()).isEqualTo(canonical);
    }

    @Test
    void decodedParametersGiveTheSameCanonicalQueryAsTheRawOnes() {
        SignedRequest fromRaw = new SignedRequest("GET", "/", "Marker=a%20b%2Bc&Path=%2Fdiv%2F&Name=caf%C3%A9",
                Map.of(), Payload.empty());
        SignedRequest fromDecoded = SignedRequest.withDecodedQuery("GET", "/",
                Map.of("Marker", List.of("a b+c"), "Path", List.of("/div/"), "Name", List.of("café")), Map.of(),
                Payload.empty());

        assertThat(QueryString.parse(fromDecoded.rawQuery()).canonical())
                .isEqualTo(QueryString.parse(fromRaw.rawQuery()).canonical())
                .isEqualTo("Marker=a%20b%2Bc&Name=caf%C3%A9&Path=%2Fdiv%2F");
    }

    @Test
    void aRequestFromAUriKeepsItsPathAndQueryEncoded() {
        SignedRequest request = SignedRequest.of("GET", URI.create("https://iam.amazonaws.com/a%20b/?x=a%2Bb&y"),
                Map.of(), Payload.empty());
        SignedRequest bare = SignedRequest.of("GET", URI.create("https://iam.amazonaws.com"), Map.of(), Payload.empty());

        assertThat(request.rawPath()).isEqualTo("/a%20b/");
        assertThat(request.rawQuery()).isEqualTo("x=a%2Bb&y");
        assertThat(bare.rawPath()).isEqualTo("/");
        assertThat(bare.rawQuery()).isEmpty();
    }

    @Test
    void headerValuesAreTrimmedAndInnerWhiteSpaceCollapsed() {
        assertThat(CanonicalRequest.trimAndCollapse("  a \t b\n\nc  ")).isEqualTo("a b c");
        assertThat(CanonicalRequest.trimAndCollapse("   ")).isEmpty();
        assertThat(CanonicalRequest.trimAndCollapse("\u00a0x\u00a0")).isEqualTo("\u00a0x\u00a0");
    }

    @Test
    void headerNamesMatchWhateverTheirCase() {
        SignedRequest request = new SignedRequest("GET", "/", "",
                Map.of("X-Amz-Date", List.of("1"), "x-amz-DATE", List.of("2")), Payload.empty());

        assertThat(request.headerValues("x-amz-date")).containsExactlyInAnyOrder("1", "2");
        assertThat(request.hasHeader("X-AMZ-DATE")).isTrue();
    }

    @Test
    void printingARequestHidesItsCredentials() {
        SignedRequest request = new SignedRequest("GET", "/", "X-Amz-Signature=abcdef&X-Amz-Security-Token=tok123&a=b",
                Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Signature=abcdef"),
                        "X-Amz-Security-Token", List.of("tok123"), "Host", List.of("h")),
                Payload.of("body".getBytes(StandardCharsets.UTF_8)));

        assertThat(request.toString()).doesNotContain("abcdef", "tok123").contains("a=b", "Host=[h]");
    }

    @Test
    void awsUriEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(UriEncoding.encode("AZaz09-._~ /+*=&%é")).isEqualTo("AZaz09-._~%20%2F%2B%2A%3D%26%25%C3%A9");
    }

    @Test
    void errorsCarryAwsCodesAndStatuses() {
        assertThat(List.of(new SigV4Error.MissingAuthenticationToken(), new SigV4Error.IncompleteSignature("x"),
                new SigV4Error.InvalidClientTokenId(), SigV4Error.SignatureDoesNotMatch.calculatedDiffers(),
                new SigV4Error.RequestExpired()))
                .extracting(SigV4Error::code, SigV4Error::httpStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MissingAuthenticationToken", 403),
                        org.assertj.core.groups.Tuple.tuple("IncompleteSignature", 400),
                        org.assertj.core.groups.Tuple.tuple("InvalidClientTokenId", 403),
                        org.assertj.core.groups.Tuple.tuple("SignatureDoesNotMatch", 403),
                        org.assertj.core.groups.Tuple.tuple("RequestExpired", 400));
        assertThat(SigV4Error.class.getPermittedSubclasses()).hasSize(5);
    }
}
