package io.portcullis.identity.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyDeleted;
import io.portcullis.events.credential.KeyRotated;
import io.portcullis.events.credential.LoginProfileCreated;
import io.portcullis.events.credential.LoginProfileDeleted;
import io.portcullis.events.policy.GroupInlinePolicyPut;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.PolicyDeleted;
import io.portcullis.events.policy.PolicyTagged;
import io.portcullis.events.policy.UserInlinePolicyDeleted;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.UserPermissionsBoundaryDeleted;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import io.portcullis.identity.domain.Holdings;
import io.portcullis.testkit.EventRoundTrip;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class HoldingsProjectionTest {

    private static final EventEnvelope ENVELOPE = EventRoundTrip.envelope("x");
    private static final String BOB = "AIDABOBBOBBOBBOBBOBBO";
    private static final String DEVS = "AGPADEVSDEVSDEVSDEVSD";
    private static final String ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private static Holdings fold(SpecificRecord... events) {
        Holdings holdings = HoldingsProjection.facts().initial();
        for (SpecificRecord event : events) {
            holdings = HoldingsProjection.facts().fold().apply(holdings, event);
        }
        return holdings;
    }

    @Test
    void foldsAttachmentsInlinePoliciesAndBoundariesByEntityId() {
        Holdings holdings = fold(new UserPolicyAttached(ENVELOPE, BOB, "Bob", ARN), new UserInlinePolicyPut(ENVELOPE, BOB, "Bob", "s3", "{}"),
                new UserPermissionsBoundarySet(ENVELOPE, BOB, "Bob", ARN), new GroupPolicyAttached(ENVELOPE, DEVS, "Devs", ARN),
                new GroupInlinePolicyPut(ENVELOPE, DEVS, "Devs", "g", "{}"));
        assertThat(holdings.of(BOB).attached()).containsExactly(ARN);
        assertThat(holdings.of(BOB).inline()).containsExactly("s3");
        assertThat(holdings.boundaryOf(BOB)).contains(ARN);
        assertThat(holdings.of(DEVS).attached()).containsExactly(ARN);
        assertThat(holdings.of(DEVS).inline()).containsExactly("g");
    }

    @Test
    void aFactFoldedTwiceIsFoldedOnceAndRemovalsUndoIt() {
        Holdings holdings = fold(new UserPolicyAttached(ENVELOPE, BOB, "Bob", ARN), new UserPolicyAttached(ENVELOPE, BOB, "Bob", ARN),
                new UserPolicyDetached(ENVELOPE, BOB, "Bob", ARN), new UserInlinePolicyPut(ENVELOPE, BOB, "Bob", "s3", "{}"),
                new UserInlinePolicyDeleted(ENVELOPE, BOB, "Bob", "s3"), new UserPermissionsBoundarySet(ENVELOPE, BOB, "Bob", ARN),
                new UserPermissionsBoundaryDeleted(ENVELOPE, BOB, "Bob", ARN));
        assertThat(holdings.of(BOB).attached()).isEmpty();
        assertThat(holdings.of(BOB).inline()).isEmpty();
        assertThat(holdings.boundaryOf(BOB)).isEmpty();
    }

    @Test
    void foldsAccessKeysFromCredentialServiceIncludingRotations() {
        Holdings holdings = fold(new AccessKeyCreated(ENVELOPE, BOB, "Bob", "AKIAAAAAAAAAAAAAAAAA", "k:n:c", "Active", Instant.EPOCH),
                new KeyRotated(ENVELOPE, BOB, "Bob", "AKIAAAAAAAAAAAAAAAAA", "AKIABBBBBBBBBBBBBBBB", "k:n:c", Instant.EPOCH, null),
                new AccessKeyDeleted(ENVELOPE, BOB, "Bob", "AKIAAAAAAAAAAAAAAAAA"));
        assertThat(holdings.of(BOB).accessKeys()).containsExactly("AKIABBBBBBBBBBBBBBBB");
    }

    @Test
    void foldsConsolePasswords() {
        Holdings created = fold(new LoginProfileCreated(ENVELOPE, BOB, "Bob", "$argon2id$x", false, Instant.EPOCH));
        assertThat(created.of(BOB).loginProfile()).isTrue();
        assertThat(fold(new LoginProfileCreated(ENVELOPE, BOB, "Bob", "$argon2id$x", false, Instant.EPOCH),
                new LoginProfileDeleted(ENVELOPE, BOB, "Bob")).of(BOB).loginProfile()).isFalse();
    }

    @Test
    void whichManagedPoliciesExistIsAFactButNotTheirDocumentsOrTags() {
        // A boundary given to CreateUser must name a policy that exists (NoSuchEntity otherwise)
        String arn = "arn:aws:iam::123456789012:policy/P";
        PolicyCreated created = new PolicyCreated(ENVELOPE, "ANPAAAAAAAAAAAAAAAAAA", "P", "/", arn, null, "{}", "v1", Instant.EPOCH, List.of());
        Holdings exists = fold(created);
        assertThat(exists.hasManagedPolicy(arn)).isTrue();
        assertThat(HoldingsProjection.facts().fold().apply(exists, new PolicyTagged(ENVELOPE, "ANPAAAAAAAAAAAAAAAAAA", arn, List.of())))
                .isSameAs(exists);
        assertThat(fold(created, new PolicyDeleted(ENVELOPE, "ANPAAAAAAAAAAAAAAAAAA", "P", arn)).hasManagedPolicy(arn)).isFalse();
    }
}
