package io.portcullis.credential.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.credential.domain.CredentialCommand.CreateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccessKey;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.MeetKeyDeadlines;
import io.portcullis.credential.domain.CredentialCommand.RecordAccessKeyUse;
import io.portcullis.credential.domain.CredentialCommand.RotateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccessKey;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyExpired;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyStatusChanged;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyUsed;
import io.portcullis.credential.domain.CredentialEvent.KeyRotated;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.testkit.DeciderScenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialDeciderTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    private static final String K1 = "AKIAAAAAAAAAAAAAAAAA";
    private static final String K2 = "AKIABBBBBBBBBBBBBBBB";
    private static final String K3 = "AKIACCCCCCCCCCCCCCCC";
    private static final Directory BOB = Directory.empty().withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/", "Bob")));

    private static DeciderScenario<CredentialCommand, CredentialState, Directory, CredentialEvent> given(CredentialEvent... history) {
        return DeciderScenario.given(new CredentialDecider(), BOB, history);
    }

    private static AccessKeyCreated created(String keyId) {
        return new AccessKeyCreated(ACCOUNT, BOB_ID, "Bob", keyId, "kek:nonce:" + keyId, AccessKeyStatus.Active, T0);
    }

    @Test
    void createsAnActiveKeyForAUserIdentityServiceKnowsKeepingOnlyTheSealedSecret() {
        CredentialState state = given().when(new CreateAccessKey(ACCOUNT, "bob", K1, "kek:nonce:" + K1, T0)).then(created(K1));
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::sealedSecret).contains("kek:nonce:" + K1);
    }

    @Test
    void refusesAUserIdentityServiceDoesNotKnow() {
        DeciderScenario.given(new CredentialDecider(), Directory.empty()).when(new CreateAccessKey(ACCOUNT, "bob", K1, "s", T0))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }

    @Test
    void theThirdKeyIsLimitExceeded() {
        given(created(K1), created(K2)).when(new CreateAccessKey(ACCOUNT, "Bob", K3, "s", T0))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void aKeyIdIsUniqueInTheAccount() {
        given(created(K1)).when(new CreateAccessKey(ACCOUNT, "Bob", K1, "s", T0)).thenRejected(IamErrorCode.ENTITY_ALREADY_EXISTS);
    }

    @Test
    void deactivatesReactivatesAndDeletesKeysAndSettingTheSameStatusChangesNothing() {
        given(created(K1)).when(new UpdateAccessKey(ACCOUNT, "Bob", K1, "Inactive"))
                .then(new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Inactive));
        given(created(K1)).when(new UpdateAccessKey(ACCOUNT, "Bob", K1, "Active")).then();
        given(created(K1)).when(new UpdateAccessKey(ACCOUNT, "Bob", K1, "active")).thenRejected(IamErrorCode.VALIDATION_ERROR);
        CredentialState state = given(created(K1)).when(new DeleteAccessKey(ACCOUNT, "Bob", K1))
                .then(new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K1));
        assertThat(state.keyIdInUse(K1)).isFalse();
        given().when(new DeleteAccessKey(ACCOUNT, "Bob", K1))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The Access Key with id " + K1 + " cannot be found.");
    }

    @Test
    void rotationMakesANewActiveKeyAndTheOldOneInactive() {
        KeyRotated rotated = new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "kek:nonce:" + K2, T0, null);
        CredentialState state = given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "kek:nonce:" + K2, T0, null)).then(rotated);
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::status).contains(AccessKeyStatus.Inactive);
        assertThat(state.keysOf(BOB_ID).key(K2)).map(AccessKey::status).contains(AccessKeyStatus.Active);
    }

    @Test
    void rotatingWithTwoKeysDeletesTheOtherOnlyWhenItIsInactive() {
        AccessKeyStatusChanged otherOff = new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K2, AccessKeyStatus.Inactive);
        given(created(K1), created(K2), otherOff).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0, null))
                .then(new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K2), new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K3, "s3", T0, null));
        given(created(K1), created(K2)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0, null))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED);
        given().when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0, null)).thenRejected(IamErrorCode.NO_SUCH_ENTITY);
    }

    @Test
    void forgettingADeletedUserDeletesItsKeys() {
        given(created(K1), created(K2)).when(new ForgetUser(ACCOUNT, BOB_ID))
                .then(new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K1), new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K2));
        given().when(new ForgetUser(ACCOUNT, BOB_ID)).then();
    }

    @Test
    void aGracePeriodKeepsTheOldKeyActiveUntilItEndsAndTheServiceThenDeactivatesItOnce() {
        Instant end = T0.plusSeconds(600);
        KeyRotated rotated = new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "s2", T0, end);
        CredentialState state = given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "s2", T0, 600L)).then(rotated);
        assertThat(state.keysOf(BOB_ID).keys()).extracting(AccessKey::status).containsExactly(AccessKeyStatus.Active, AccessKeyStatus.Active);
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::deactivateAt).contains(end);

        given(created(K1), rotated).when(new MeetKeyDeadlines(ACCOUNT, end.minusMillis(1), null)).then();
        CredentialState after = given(created(K1), rotated).when(new MeetKeyDeadlines(ACCOUNT, end, null))
                .then(new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Inactive));
        assertThat(after.keysOf(BOB_ID).key(K1)).map(AccessKey::deactivateAt).isEmpty();
        given(created(K1), rotated, new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Inactive))
                .when(new MeetKeyDeadlines(ACCOUNT, end.plusSeconds(60), null)).then();
        // Zero seconds of grace is none.
        given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "s2", T0, 0L))
                .then(new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "s2", T0, null));
    }

    @Test
    void aStatusSetDuringTheGracePeriodStandsAndEndsIt() {
        KeyRotated rotated = new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "s2", T0, T0.plusSeconds(60));
        AccessKeyStatusChanged off = new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Inactive);
        AccessKeyStatusChanged on = new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Active);
        given(created(K1), rotated, off, on).when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(120), null)).then();
    }

    @Test
    void aGracePeriodIsBetweenZeroAndThirtyDays() {
        given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "s2", T0, -1L)).thenRejected(IamErrorCode.VALIDATION_ERROR,
                "1 validation error detected: Value '-1' at 'deactivateOldAfterSeconds' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 0");
        given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "s2", T0, RotateAccessKey.MAX_GRACE_SECONDS + 1))
                .thenRejected(IamErrorCode.VALIDATION_ERROR);
        given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "s2", T0, RotateAccessKey.MAX_GRACE_SECONDS))
                .then(new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "s2", T0, T0.plusSeconds(RotateAccessKey.MAX_GRACE_SECONDS)));
    }

    @Test
    void anActiveKeyThatReachedTheMaximumAgeExpiresOnceAndInactiveOrYoungerKeysDoNot() {
        AccessKeyCreated young = new AccessKeyCreated(ACCOUNT, BOB_ID, "Bob", K2, "s", AccessKeyStatus.Active, T0.plusSeconds(3600));
        AccessKeyExpired expired = new AccessKeyExpired(ACCOUNT, BOB_ID, "Bob", K1, T0, 7200);
        CredentialState state = given(created(K1), young).when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(7200), 7200L)).then(expired);
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::status).contains(AccessKeyStatus.Inactive);
        given(created(K1), young).when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(7199), 7200L)).then();
        given(created(K1), young, expired).when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(7300), 7200L)).then();
        given(created(K1), new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K1, AccessKeyStatus.Inactive))
                .when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(99_999), 7200L)).then();
        given(created(K1)).when(new MeetKeyDeadlines(ACCOUNT, T0.plusSeconds(99_999), null)).then();
        given(created(K1)).when(new MeetKeyDeadlines(ACCOUNT, T0, 0L)).thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void theFirstUseOfEachFifteenMinuteSpanIsRecordedAndTheRestChangeNothing() {
        AccessKeyUsed first = new AccessKeyUsed(ACCOUNT, BOB_ID, "Bob", K1, T0, "s3", "eu-west-1");
        CredentialState state = given(created(K1)).when(new RecordAccessKeyUse(ACCOUNT, K1, T0, "s3", "eu-west-1")).then(first);
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::lastUsed).contains(new AccessKeyUse(T0, "s3", "eu-west-1"));
        given(created(K1), first).when(new RecordAccessKeyUse(ACCOUNT, K1, T0.plusSeconds(899), "ec2", "us-east-1")).then();
        given(created(K1), first).when(new RecordAccessKeyUse(ACCOUNT, K1, T0.minusSeconds(3600), "ec2", "us-east-1")).then();
        given(created(K1), first).when(new RecordAccessKeyUse(ACCOUNT, K1, T0.plusSeconds(900), "ec2", "us-east-1"))
                .then(new AccessKeyUsed(ACCOUNT, BOB_ID, "Bob", K1, T0.plusSeconds(900), "ec2", "us-east-1"));
        given().when(new RecordAccessKeyUse(ACCOUNT, K1, T0, "s3", "eu-west-1"))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The Access Key with id " + K1 + " cannot be found.");
        given(created(K1)).when(new RecordAccessKeyUse(ACCOUNT, K1, T0, "S3!", "eu-west-1")).thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void lastUseNamesTheHolderAsIdentityServiceNamesItNow() {
        CredentialState state = given(created(K1), new AccessKeyUsed(ACCOUNT, BOB_ID, "Bob", K1, T0, "s3", "eu-west-1")).state();
        Directory renamed = Directory.empty().withUser(new Directory.Entry(BOB_ID, "Robert", ACCOUNT.userArn("/", "Robert")));
        assertThat(CredentialQueries.accessKeyLastUsed(state, renamed, K1).value())
                .contains(new CredentialQueries.LastUsedView("Robert", new AccessKeyUse(T0, "s3", "eu-west-1")));
        assertThat(CredentialQueries.accessKeyLastUsed(state, renamed, K2).rejection()).map(r -> r.code())
                .contains(IamErrorCode.NO_SUCH_ENTITY);
    }
}
