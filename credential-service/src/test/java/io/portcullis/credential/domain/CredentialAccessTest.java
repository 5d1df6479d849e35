package io.portcullis.credential.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.credential.domain.CredentialCommand.ChangePassword;
import io.portcullis.credential.domain.CredentialCommand.CreateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccessKey;
import io.portcullis.credential.domain.CredentialCommand.DeleteAccountPasswordPolicy;
import io.portcullis.credential.domain.CredentialCommand.DeleteLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.ForgetUser;
import io.portcullis.credential.domain.CredentialCommand.MeetKeyDeadlines;
import io.portcullis.credential.domain.CredentialCommand.PutLoginProfile;
import io.portcullis.credential.domain.CredentialCommand.RecordAccessKeyUse;
import io.portcullis.credential.domain.CredentialCommand.RotateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccessKey;
import io.portcullis.credential.domain.CredentialCommand.UpdateAccountPasswordPolicy;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileCreated;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.directory.Directory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What credential-service's requests ask the authorizer, as AWS's Service Authorization Reference names it. */
class CredentialAccessTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    private static final String ANN_ID = "AIDAANNANNANNANNANNAN";
    private static final String GONE_ID = "AIDAGONEGONEGONEGONEG";
    private static final String BOB_KEY = "AKIAAAAAAAAAAAAAAAAA";
    private static final String GONE_KEY = "AKIABBBBBBBBBBBBBBBB";
    private static final String UNKNOWN_KEY = "AKIACCCCCCCCCCCCCCCC";
    private static final String BOB_ARN = "arn:aws:iam::123456789012:user/eng/Bob";
    /** Bob at /eng/, Ann at the root path; a user identity-service deleted is no longer there. */
    private static final Directory DIRECTORY = Directory.empty()
            .withUser(new Directory.Entry(BOB_ID, "Bob", ACCOUNT.userArn("/eng/", "Bob")))
            .withUser(new Directory.Entry(ANN_ID, "Ann", ACCOUNT.userArn("/", "Ann")));
    private static final CredentialDecider DECIDER = new CredentialDecider();
    /** Bob has a key and a console password; the deleted user's key is not forgotten yet; Ann has neither. */
    private static final CredentialState STATE = evolve(
            new AccessKeyCreated(ACCOUNT, BOB_ID, "Bob", BOB_KEY, "kek:nonce:a", AccessKeyStatus.Active, T0),
            new AccessKeyCreated(ACCOUNT, GONE_ID, "Gone", GONE_KEY, "kek:nonce:b", AccessKeyStatus.Active, T0),
            new LoginProfileCreated(ACCOUNT, BOB_ID, "Bob", "h1", false, T0));
    private static final PasswordPolicy POLICY = new PasswordPolicy(8, false, false, false, false, true, null, null, false);

    /** One of every command the service takes. */
    static final List<CredentialCommand> COMMANDS = List.of(
            new CreateAccessKey(ACCOUNT, "bob", BOB_KEY, "kek:nonce:a", T0),
            new UpdateAccessKey(ACCOUNT, "bob", BOB_KEY, "Inactive"),
            new DeleteAccessKey(ACCOUNT, "bob", BOB_KEY),
            new RotateAccessKey(ACCOUNT, "bob", BOB_KEY, UNKNOWN_KEY, "kek:nonce:c", T0, null),
            new MeetKeyDeadlines(ACCOUNT, T0, null),
            new RecordAccessKeyUse(ACCOUNT, BOB_KEY, T0, "iam", "us-east-1"),
            new ForgetUser(ACCOUNT, BOB_ID),
            new PutLoginProfile(ACCOUNT, "bob", "h2", null, null, T0),
            new DeleteLoginProfile(ACCOUNT, "bob"),
            new ChangePassword(ACCOUNT, "bob", "h1", "h2", null, T0),
            new UpdateAccountPasswordPolicy(ACCOUNT, POLICY),
            new DeleteAccountPasswordPolicy(ACCOUNT));

    private static CredentialState evolve(CredentialEvent... events) {
        CredentialState state = DECIDER.initialState();
        for (CredentialEvent event : events) {
            state = DECIDER.evolve(state, event);
        }
        return state;
    }

    private static List<RequestedAccess> accessOf(CredentialCommand command) {
        return CredentialAccess.of(ACCOUNT, command, () -> STATE, () -> DIRECTORY);
    }

    private static List<RequestedAccess> accessOf(AccessRule<CredentialState, Directory> rule) {
        return rule.of(ACCOUNT, () -> STATE, () -> DIRECTORY);
    }

    @Test
    void everyCommandNamesItsActionOrIsRefusedAsTheServicesOwn() {
        // Given one sample of every command the service takes
        Set<Class<?>> sampled = COMMANDS.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(CredentialCommand.class.getPermittedSubclasses());

        // When / Then: a request's command names an action; the service's own never reach the edge
        for (CredentialCommand command : COMMANDS) {
            if (command instanceof MeetKeyDeadlines || command instanceof ForgetUser) {
                assertThatThrownBy(() -> accessOf(command)).isInstanceOf(IllegalStateException.class)
                        .hasMessage(command.getClass().getSimpleName() + " is the service's own, never a request's");
            } else {
                assertThat(accessOf(command)).as(command.getClass().getSimpleName()).isNotEmpty()
                        .allSatisfy(access -> assertThat(access.action()).matches("(iam|portcullis):[A-Z][A-Za-z]+"));
            }
        }
    }

    @Test
    void keyActionsAreOnTheUsersArnWithItsPath() {
        Map<CredentialCommand, String> actions = Map.of(
                new CreateAccessKey(ACCOUNT, "bob", BOB_KEY, "s", T0), "iam:CreateAccessKey",
                new UpdateAccessKey(ACCOUNT, "BOB", BOB_KEY, "Inactive"), "iam:UpdateAccessKey",
                new DeleteAccessKey(ACCOUNT, "Bob", BOB_KEY), "iam:DeleteAccessKey",
                new DeleteLoginProfile(ACCOUNT, "bob"), "iam:DeleteLoginProfile",
                new ChangePassword(ACCOUNT, "bob", "h1", "h2", null, T0), "iam:ChangePassword");
        actions.forEach((command, action) -> assertThat(accessOf(command)).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo(action);
            assertThat(access.resource()).isEqualTo(BOB_ARN);
            assertThat(access.account()).isEqualTo(ACCOUNT);
            assertThat(access.context()).isEmpty();
            assertThat(access.resourcePolicy()).isNull();
        }));
    }

    @Test
    void aUserThatDoesNotExistIsNamedAtTheRootPath() {
        assertThat(accessOf(new CreateAccessKey(ACCOUNT, "nobody", BOB_KEY, "s", T0))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/nobody"));
        assertThat(accessOf(CredentialAccess.listAccessKeys("ann"))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/Ann"));
    }

    @Test
    void rotationAsksToCreateAKeyAndToDeactivateOneBothOnTheUser() {
        assertThat(accessOf(new RotateAccessKey(ACCOUNT, "bob", BOB_KEY, UNKNOWN_KEY, "s", T0, 60L)))
                .extracting(RequestedAccess::action, RequestedAccess::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("iam:CreateAccessKey", BOB_ARN),
                        org.assertj.core.groups.Tuple.tuple("iam:UpdateAccessKey", BOB_ARN));
    }

    @Test
    void puttingALoginProfileCreatesOneWhereNoneIsAndUpdatesAnExistingOne() {
        assertThat(accessOf(new PutLoginProfile(ACCOUNT, "ann", "h", null, null, T0))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:CreateLoginProfile");
            assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/Ann");
        });
        assertThat(accessOf(new PutLoginProfile(ACCOUNT, "bob", null, null, true, T0))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:UpdateLoginProfile");
            assertThat(access.resource()).isEqualTo(BOB_ARN);
        });
        assertThat(accessOf(new PutLoginProfile(ACCOUNT, "nobody", "h", null, null, T0))).singleElement()
                .satisfies(access -> assertThat(access.action()).isEqualTo("iam:CreateLoginProfile"));
        assertThat(accessOf(CredentialAccess.putLoginProfile("Bob"))).singleElement()
                .satisfies(access -> assertThat(access.action()).isEqualTo("iam:UpdateLoginProfile"));
    }

    @Test
    void thePasswordPolicyIsOnNoResource() {
        assertThat(accessOf(new UpdateAccountPasswordPolicy(ACCOUNT, POLICY))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:UpdateAccountPasswordPolicy");
            assertThat(access.resource()).isEqualTo("*");
            assertThat(access.account()).isEqualTo(ACCOUNT);
        });
        assertThat(accessOf(new DeleteAccountPasswordPolicy(ACCOUNT))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("iam:DeleteAccountPasswordPolicy");
            assertThat(access.resource()).isEqualTo("*");
        });
    }

    @Test
    void onlyAuthzServiceMayRecordAKeysUse() {
        assertThat(accessOf(new RecordAccessKeyUse(ACCOUNT, BOB_KEY, T0, "iam", "us-east-1"))).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("portcullis:RecordAccessKeyUse");
            assertThat(access.resource()).isEqualTo("*");
            // In the path's account: another account's root is then a cross-account caller the policy does not name
            assertThat(access.account()).isEqualTo(ACCOUNT);
            assertThat(access.resourcePolicy()).contains("\"authz-service.portcullis\"").doesNotContain("identity-service");
        });
    }

    @Test
    void readsNameTheirActionAndResource() {
        Map<AccessRule<CredentialState, Directory>, List<String>> reads = Map.of(
                CredentialAccess.listAccessKeys("bob"), List.of("iam:ListAccessKeys", BOB_ARN),
                CredentialAccess.getLoginProfile("bob"), List.of("iam:GetLoginProfile", BOB_ARN),
                CredentialAccess.getAccountPasswordPolicy(), List.of("iam:GetAccountPasswordPolicy", "*"),
                CredentialAccess.generateCredentialReport(), List.of("iam:GenerateCredentialReport", "*"),
                CredentialAccess.getCredentialReport(), List.of("iam:GetCredentialReport", "*"),
                CredentialAccess.getAccessKeyLastUsed(BOB_KEY), List.of("iam:GetAccessKeyLastUsed", BOB_ARN));
        reads.forEach((rule, expected) -> assertThat(accessOf(rule)).singleElement().satisfies(access -> {
            assertThat(List.of(access.action(), access.resource())).isEqualTo(expected);
            assertThat(access.account()).isEqualTo(ACCOUNT);
        }));
    }

    @Test
    void lastUseIsAskedOnTheKeysHolderOrOnNoResourceForAKeyTheAccountDoesNotHold() {
        assertThat(accessOf(CredentialAccess.getAccessKeyLastUsed(UNKNOWN_KEY))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("*"));
        assertThat(accessOf(CredentialAccess.getAccessKeyLastUsed(GONE_KEY))).singleElement()
                .satisfies(access -> assertThat(access.resource()).isEqualTo("arn:aws:iam::123456789012:user/Gone"));
    }

    @Test
    void readsTheStateAndFactsOnlyWhenTheResourceNeedsThem() {
        Supplier<CredentialState> noState = () -> {
            throw new AssertionError("the state was read");
        };
        Supplier<Directory> noFacts = () -> {
            throw new AssertionError("the facts were read");
        };
        assertThat(CredentialAccess.of(ACCOUNT, new DeleteAccountPasswordPolicy(ACCOUNT), noState, noFacts)).hasSize(1);
        assertThat(CredentialAccess.of(ACCOUNT, new RecordAccessKeyUse(ACCOUNT, BOB_KEY, T0, "iam", "us-east-1"), noState, noFacts))
                .hasSize(1);
        assertThat(CredentialAccess.of(ACCOUNT, new CreateAccessKey(ACCOUNT, "bob", BOB_KEY, "s", T0), noState, () -> DIRECTORY))
                .hasSize(1);
        assertThat(CredentialAccess.getCredentialReport().of(ACCOUNT, noState, noFacts)).hasSize(1);
    }
}
