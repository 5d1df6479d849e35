package io.portcullis.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StandardHeadersTest {

    private static final OwningService OWN = OwningService.IDENTITY;
    private static final AccountId ACCOUNT = new AccountId("123456789012");

    @Test
    void acceptsATwelveDigitAccountId() {
        // When
        AccountId parsed = StandardHeaders.accountId("123456789012");

        // Then
        assertThat(parsed).isEqualTo(ACCOUNT);
    }

    @Test
    void refusesAnAccountIdThatIsNotTwelveDigitsWithAValidationError() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.accountId("12345678901x");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("'12345678901x'").contains("accountId");
    }

    private static final VerifiedCaller ADMIN = new VerifiedCaller("arn:aws:iam::123456789012:user/admin", "123456789012",
            "AKIAADMINADMINADMIN1", "IAMUser");
    private static final CallerRequest REQUEST = new CallerRequest("POST", "/v1/accounts/123456789012/users", "", Map.of(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "10.0.0.7", "aws-cli/2.9.19", false);

    @Test
    void recordsTheVerifiedPrincipalItsKeyAddressAndUserAgentWithTheIdempotencyKeyAndCorrelationId() {
        // When
        CommandMetadata parsed = StandardHeaders.metadata(ADMIN, REQUEST, "key-1", "corr-9", "key-1");

        // Then
        assertThat(parsed).isEqualTo(new CommandMetadata("arn:aws:iam::123456789012:user/admin", "key-1", "key-1", "corr-9")
                .sentWith("AKIAADMINADMINADMIN1", "10.0.0.7", "aws-cli/2.9.19"));
    }

    @Test
    void makesNoIdempotencyKeyUp() {
        // When
        CommandMetadata parsed = StandardHeaders.metadata(ADMIN, REQUEST, null, null, "req-1");

        // Then
        assertThat(parsed.idempotencyKeyIfAny()).isEmpty();
        assertThat(parsed.requestId()).isEqualTo("req-1");
    }

    @Test
    void refusesAnIdempotencyKeyLongerThanSixtyFourCharacters() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.checkWriteHeaders("k".repeat(65), null);

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("Idempotency-Key");
    }

    @Test
    void refusesAnIdempotencyKeyWithNonAsciiCharacters() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.checkWriteHeaders("clé", null);

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void refusesACorrelationIdWithSpaces() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.checkWriteHeaders(null, "two words");

        // Then
        assertThat(rejection(parsed).message()).contains("X-Correlation-Id").contains("'two words'");
    }

    @Test
    void knowsARequestWithoutEitherFormOfSignature() {
        assertThat(CallerRequest.carriesCredentials(null, "marker=x")).isFalse();
        assertThat(CallerRequest.carriesCredentials(" ", null)).isFalse();
        assertThat(CallerRequest.carriesCredentials("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", null)).isTrue();
        assertThat(CallerRequest.carriesCredentials(null, "a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256")).isTrue();
        assertThat(CallerRequest.carriesCredentials(null, "X-Amz-Signature")).isTrue();
    }

    @Test
    void usesAWellFormedIdempotencyKeyAsTheRequestId() {
        // When
        String requestId = StandardHeaders.requestId("retry-me", () -> "fresh");

        // Then
        assertThat(requestId).isEqualTo("retry-me");
    }

    @Test
    void makesANewRequestIdWhenTheIdempotencyKeyIsAbsentOrMalformed() {
        // When
        String absent = StandardHeaders.requestId(null, () -> "fresh");
        String malformed = StandardHeaders.requestId("", () -> "fresh");

        // Then
        assertThat(absent).isEqualTo("fresh");
        assertThat(malformed).isEqualTo("fresh");
    }

    @Test
    void readsLatestWhenTheCallerAsksNothing() {
        // When
        ReadConsistency parsed = StandardHeaders.readConsistency(null, null, OWN);

        // Then
        assertThat(parsed).isEqualTo(ReadConsistency.latest());
    }

    @Test
    void readsAtLeastTheTokenAWriteReturned() {
        // When
        ReadConsistency parsed = StandardHeaders.readConsistency("3:1208,0:7", null, OWN);

        // Then
        assertThat(parsed).isEqualTo(new ReadConsistency.AtLeast(
                new ConsistencyToken(Map.of(OWN, Map.of(3, 1208L, 0, 7L)))));
    }

    @Test
    void readsFastestWhenAskedInAnyCase() {
        // When
        ReadConsistency parsed = StandardHeaders.readConsistency(null, "Fastest", OWN);

        // Then
        assertThat(parsed).isEqualTo(new ReadConsistency.Fastest());
    }

    @Test
    void refusesATokenTogetherWithFastest() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.readConsistency("3:1208", "fastest", OWN);

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void refusesATokenNoWriteReturned() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.readConsistency("three:x", null, OWN);

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("'three:x'");
    }

    @Test
    void refusesAnUnknownReadConsistency() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.readConsistency(null, "eventual", OWN);

        // Then
        assertThat(rejection(parsed).message()).contains("Read-Consistency").contains("'eventual'");
    }

    static Rejection rejection(ThrowingCallable parsing) {
        Throwable thrown = catchThrowable(parsing);
        assertThat(thrown).isInstanceOf(RejectedRequestException.class);
        return ((RejectedRequestException) thrown).rejection();
    }

    @Test
    void readsATokenThatNamesTheTopicsOfSeveralServices() {
        // When
        ReadConsistency parsed = StandardHeaders.readConsistency("identity:3:1208,policy:3:77", null, OWN);

        // Then
        assertThat(parsed).isEqualTo(new ReadConsistency.AtLeast(new ConsistencyToken(Map.of(
                OwningService.IDENTITY, Map.of(3, 1208L), OwningService.POLICY, Map.of(3, 77L)))));
    }

    @Test
    void refusesATokenNamingAServiceThatDoesNotExist() {
        // When
        ThrowingCallable parsed = () -> StandardHeaders.readConsistency("billing:3:1208", null, OWN);

        // Then
        assertThat(rejection(parsed).message()).contains("'billing:3:1208'");
    }
}
