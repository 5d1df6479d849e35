package io.portcullis.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.identity.domain.AccountId;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.domain.IamErrorCode;
import io.portcullis.runtime.domain.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityHeadersTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");

    @Test
    void acceptsATwelveDigitAccountId() {
        // When
        Parsed<AccountId> parsed = IdentityHeaders.accountId("123456789012");

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(ACCOUNT));
    }

    @Test
    void refusesAnAccountIdThatIsNotTwelveDigitsWithAValidationError() {
        // When
        Parsed<AccountId> parsed = IdentityHeaders.accountId("12345678901x");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("'12345678901x'").contains("accountId");
    }

    @Test
    void defaultsTheActorToTheAccountRootAndMakesNoIdempotencyKeyUp() {
        // When
        Parsed<CommandMetadata> parsed = IdentityHeaders.metadata(ACCOUNT, null, null, null, "req-1");

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(
                new CommandMetadata("arn:aws:iam::123456789012:root", "req-1", null, null)));
    }

    @Test
    void carriesTheIdempotencyKeyActorAndCorrelationIdIntoTheMetadata() {
        // When
        Parsed<CommandMetadata> parsed = IdentityHeaders.metadata(ACCOUNT, "key-1",
                "arn:aws:iam::123456789012:user/admin", "corr-9", "key-1");

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(
                new CommandMetadata("arn:aws:iam::123456789012:user/admin", "key-1", "key-1", "corr-9")));
    }

    @Test
    void refusesAnIdempotencyKeyLongerThanSixtyFourCharacters() {
        // When
        Parsed<CommandMetadata> parsed = IdentityHeaders.metadata(ACCOUNT, "k".repeat(65), null, null, "req-1");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("Idempotency-Key");
    }

    @Test
    void refusesAnIdempotencyKeyWithNonAsciiCharacters() {
        // When
        Parsed<CommandMetadata> parsed = IdentityHeaders.metadata(ACCOUNT, "clé", null, null, "req-1");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void refusesAnActorThatIsNotAnArn() {
        // When
        Parsed<CommandMetadata> parsed = IdentityHeaders.metadata(ACCOUNT, null, "admin", null, "req-1");

        // Then
        assertThat(rejection(parsed).message()).contains("X-Portcullis-Actor").contains("'admin'");
    }

    @Test
    void usesAWellFormedIdempotencyKeyAsTheRequestId() {
        // When
        String requestId = IdentityHeaders.requestId("retry-me", () -> "fresh");

        // Then
        assertThat(requestId).isEqualTo("retry-me");
    }

    @Test
    void makesANewRequestIdWhenTheIdempotencyKeyIsAbsentOrMalformed() {
        // When
        String absent = IdentityHeaders.requestId(null, () -> "fresh");
        String malformed = IdentityHeaders.requestId("", () -> "fresh");

        // Then
        assertThat(absent).isEqualTo("fresh");
        assertThat(malformed).isEqualTo("fresh");
    }

    @Test
    void readsLatestWhenTheCallerAsksNothing() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency(null, null);

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(ReadConsistency.latest()));
    }

    @Test
    void readsAtLeastTheTokenAWriteReturned() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency("3:1208,0:7", null);

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(new ReadConsistency.AtLeast(
                new ConsistencyToken(Map.of(3, 1208L, 0, 7L)))));
    }

    @Test
    void readsFastestWhenAskedInAnyCase() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency(null, "Fastest");

        // Then
        assertThat(parsed).isEqualTo(Parsed.valid(new ReadConsistency.Fastest()));
    }

    @Test
    void refusesATokenTogetherWithFastest() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency("3:1208", "fastest");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void refusesATokenNoWriteReturned() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency("three:x", null);

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("'three:x'");
    }

    @Test
    void refusesAnUnknownReadConsistency() {
        // When
        Parsed<ReadConsistency> parsed = IdentityHeaders.readConsistency(null, "eventual");

        // Then
        assertThat(rejection(parsed).message()).contains("Read-Consistency").contains("'eventual'");
    }

    static Rejection rejection(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed).rejection();
    }
}
