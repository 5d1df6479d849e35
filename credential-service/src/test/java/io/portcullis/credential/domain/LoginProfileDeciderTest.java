package io.portcullis.credential.domain;

import io.portcullis.credential.domain.CredentialCommand.ChangePassword;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccountPasswordPolicy;
import io.portcullis.credential.domain.CredentialCommand.DeleteLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.PutLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccountPasswordPolicy;
import io.portcullis.credential.domain.CredentialEvent.AccountPasswordPolicyDeleted;
import io.portcullis.credential.domain.CredentialEvent.AccountPasswordPolicyUpdated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileCreated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileDeleted;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileUpdated;
import io.portcullis.credential.domain.CredentialEvent.PasswordChanged;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.testkit.DeciderScenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Console passwords: the decider sees hashes and traits only, and enforces the policy (or AWS's default rules). */
class LoginProfileDeciderTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    private static final Directory BOB = Directory.empty().withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/", "Bob")));
    /** Twelve characters, all four classes, never used. */
    private static final PasswordTraits STRONG = new PasswordTraits(12, true, true, true, true, -1);
    private static final PasswordTraits LOWER_ONLY = new PasswordTraits(12, false, true, false, false, -1);
    private static final LoginProfileCreated CREATED = new LoginProfileCreated(ACCOUNT, BOB_ID, "Bob", "h1", false, T0);
    private static final AccountPasswordPolicyUpdated STRICT = new AccountPasswordPolicyUpdated(ACCOUNT, 14, true, true, true, true, true,
            90, 3, false);

    private static DeciderScenario<CredentialCommand, CredentialState, Directory, CredentialEvent> given(CredentialEvent... history) {
        return DeciderScenario.given(new CredentialDecider(), BOB, history);
    }

    @Test
    void createsAProfileWithAPasswordThatPassesAwsDefaultRulesWhenNoPolicyIsSet() {
        given().when(new PutLoginProfile(ACCOUNT, "bob", "h1", STRONG, null, T0)).then(CREATED);
        given().when(new PutLoginProfile(ACCOUNT, "bob", "h1", LOWER_ONLY, null, T0))
                .thenRejected(IamErrorCode.PASSWORD_POLICY_VIOLATION);
        given().when(new PutLoginProfile(ACCOUNT, "bob", null, null, true, T0)).thenRejected(IamErrorCode.VALIDATION_ERROR);
    }

    @Test
    void theAccountPolicyDecidesOnceSet() {
        given(STRICT).when(new PutLoginProfile(ACCOUNT, "bob", "h1", STRONG, null, T0))
                .thenRejected(IamErrorCode.PASSWORD_POLICY_VIOLATION, "Password does not conform to the account password policy: it must"
                        + " have at least 14 characters.");
        given(STRICT).when(new PutLoginProfile(ACCOUNT, "bob", "h1", new PasswordTraits(16, true, true, true, true, -1), true, T0))
                .then(new LoginProfileCreated(ACCOUNT, BOB_ID, "Bob", "h1", true, T0));
    }

    @Test
    void updatesThePasswordOrOnlyTheResetFlag() {
        given(CREATED).when(new PutLoginProfile(ACCOUNT, "Bob", null, null, true, T0))
                .then(new LoginProfileUpdated(ACCOUNT, BOB_ID, "Bob", null, true, T0));
        given(CREATED).when(new PutLoginProfile(ACCOUNT, "Bob", "h2", STRONG, null, T0))
                .then(new LoginProfileUpdated(ACCOUNT, BOB_ID, "Bob", "h2", false, T0));
    }

    @Test
    void aRecentlyUsedPasswordBreaksReusePrevention() {
        given(STRICT, CREATED).when(new ChangePassword(ACCOUNT, "Bob", "h1", "h3", new PasswordTraits(16, true, true, true, true, 2), T0))
                .thenRejected(IamErrorCode.PASSWORD_POLICY_VIOLATION, "Password does not conform to the account password policy: it was"
                        + " one of the last 3 passwords.");
        given(STRICT, CREATED).when(new ChangePassword(ACCOUNT, "Bob", "h1", "h3", new PasswordTraits(16, true, true, true, true, 3), T0))
                .then(new PasswordChanged(ACCOUNT, BOB_ID, "Bob", "h3", T0));
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndThePolicysLeave() {
        given(CREATED).when(new ChangePassword(ACCOUNT, "Bob", "h1", "h2", STRONG, T0)).then(new PasswordChanged(ACCOUNT, BOB_ID, "Bob", "h2", T0));
        given(CREATED, new PasswordChanged(ACCOUNT, BOB_ID, "Bob", "h2", T0))
                .when(new ChangePassword(ACCOUNT, "Bob", "h1", "h3", STRONG, T0)).thenRejected(IamErrorCode.CONCURRENT_MODIFICATION);
        given(new AccountPasswordPolicyUpdated(ACCOUNT, 8, false, false, false, false, false, null, null, false), CREATED)
                .when(new ChangePassword(ACCOUNT, "Bob", "h1", "h2", STRONG, T0)).thenRejected(IamErrorCode.ACCESS_DENIED);
        given().when(new ChangePassword(ACCOUNT, "Bob", "h1", "h2", STRONG, T0))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "Login Profile for User Bob cannot be found.");
    }

    @Test
    void deletesTheProfileAndAForgottenUsersProfileGoesToo() {
        given(CREATED).when(new DeleteLoginProfile(ACCOUNT, "Bob")).then(new LoginProfileDeleted(ACCOUNT, BOB_ID, "Bob"));
        given().when(new DeleteLoginProfile(ACCOUNT, "Bob")).thenRejected(IamErrorCode.NO_SUCH_ENTITY);
        given(CREATED).when(new ForgetUser(ACCOUNT, BOB_ID)).then(new LoginProfileDeleted(ACCOUNT, BOB_ID, "Bob"));
    }

    @Test
    void setsAndDeletesThePolicyWithinAwsRanges() {
        given().when(new UpdateAccountPasswordPolicy(ACCOUNT, new PasswordPolicy(14, true, true, true, true, true, 90, 3, false)))
                .then(STRICT);
        given().when(new UpdateAccountPasswordPolicy(ACCOUNT, new PasswordPolicy(5, false, false, false, false, true, 0, 25, false)))
                .thenRejected(IamErrorCode.VALIDATION_ERROR);
        given(STRICT).when(new DeleteAccountPasswordPolicy(ACCOUNT)).then(new AccountPasswordPolicyDeleted(ACCOUNT));
        given().when(new DeleteAccountPasswordPolicy(ACCOUNT))
                .thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The Password Policy with domain name 123456789012 cannot be found.");
    }
}
