package io.portcullis.credential.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.credential.domain.CredentialCommand.CreateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccessKey;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.RotateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccessKey;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyStatusChanged;
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
        KeyRotated rotated = new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K2, "kek:nonce:" + K2, T0);
        CredentialState state = given(created(K1)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K2, "kek:nonce:" + K2, T0)).then(rotated);
        assertThat(state.keysOf(BOB_ID).key(K1)).map(AccessKey::status).contains(AccessKeyStatus.Inactive);
        assertThat(state.keysOf(BOB_ID).key(K2)).map(AccessKey::status).contains(AccessKeyStatus.Active);
    }

    @Test
    void rotatingWithTwoKeysDeletesTheOtherOnlyWhenItIsInactive() {
        AccessKeyStatusChanged otherOff = new AccessKeyStatusChanged(ACCOUNT, BOB_ID, "Bob", K2, AccessKeyStatus.Inactive);
        given(created(K1), created(K2), otherOff).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0))
                .then(new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K2), new KeyRotated(ACCOUNT, BOB_ID, "Bob", K1, K3, "s3", T0));
        given(created(K1), created(K2)).when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0))
                .thenRejected(IamErrorCode.LIMIT_EXCEEDED);
        given().when(new RotateAccessKey(ACCOUNT, "Bob", K1, K3, "s3", T0)).thenRejected(IamErrorCode.NO_SUCH_ENTITY);
    }

    @Test
    void forgettingADeletedUserDeletesItsKeys() {
        given(created(K1), created(K2)).when(new ForgetUser(ACCOUNT, BOB_ID))
                .then(new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K1), new AccessKeyDeleted(ACCOUNT, BOB_ID, "Bob", K2));
        given().when(new ForgetUser(ACCOUNT, BOB_ID)).then();
    }
}
