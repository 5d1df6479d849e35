package io.portcullis.identity.domain;

import static io.portcullis.identity.domain.Fixtures.ACCOUNT;
import static io.portcullis.identity.domain.Fixtures.createUser;
import static io.portcullis.identity.domain.Fixtures.given;
import static io.portcullis.identity.domain.Fixtures.tags;
import static io.portcullis.identity.domain.Fixtures.userCreated;
import static io.portcullis.identity.domain.Fixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portcullis.iam.Tag;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.identity.domain.IdentityCommand.TagUser;
import io.portcullis.identity.domain.IdentityCommand.UntagUser;
import io.portcullis.identity.domain.IdentityEvent.UserTagged;
import io.portcullis.identity.domain.IdentityEvent.UserUntagged;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagDeciderTest {

    private static final Tag TEAM = new Tag("team", "core");

    @Test
    void createsUserWithFiftyTags() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser("bob", tags(50)));
        // Then
        scenario.then(userCreated("bob", "/", tags(50)));
    }

    @Test
    void rejectsCreatingUserWithFiftyOneTags() {
        // Given
        var scenario = given();
        // When
        scenario.when(createUser("bob", tags(51)));
        // Then
        scenario.thenRejected(IamErrorCode.VALIDATION_ERROR,
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    @Test
    void tagsUserAppendingNewKeysInOrder() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM)));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("b", "2"), new Tag("a", "1"))));
        // Then
        IdentityState state = scenario.then(new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("b", "2"), new Tag("a", "1"))));
        assertEquals(List.of(TEAM, new Tag("b", "2"), new Tag("a", "1")), state.user("bob").orElseThrow().tags());
    }

    @Test
    void taggingAnExistingKeyOverwritesItInPlace() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM, new Tag("env", "dev"))));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("team", "edge"))));
        // Then
        IdentityState state = scenario.then(new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("team", "edge"))));
        assertEquals(List.of(new Tag("team", "edge"), new Tag("env", "dev")), state.user("bob").orElseThrow().tags());
    }

    @Test
    void tagKeysIgnoreCaseAndKeepTheSpellingLastSet() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM, new Tag("env", "dev"))));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("Team", "x"))));
        // Then
        IdentityState state = scenario.then(new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("Team", "x"))));
        assertEquals(List.of(new Tag("Team", "x"), new Tag("env", "dev")), state.user("bob").orElseThrow().tags());
    }

    @Test
    void untaggingIgnoresTheCaseOfTheKeyAndNamesTheTagAsHeld() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(new Tag("CostCenter", "1"), TEAM)));
        // When
        scenario.when(new UntagUser(ACCOUNT, "bob", List.of("costcenter")));
        // Then
        IdentityState state = scenario.then(new UserUntagged(ACCOUNT, userId("bob"), "bob", List.of("CostCenter")));
        assertEquals(List.of(TEAM), state.user("bob").orElseThrow().tags());
    }

    @Test
    void twoKeysThatDifferOnlyInCaseAreTheSameKeyTwice() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("Team", "a"), new Tag("team", "b"))));
        // Then
        scenario.thenRejected(IamErrorCode.INVALID_INPUT, "Duplicate tag key 'team' in the request.");
    }

    @Test
    void overwritingKeysDoesNotCountTowardsTheLimit() {
        // Given
        var scenario = given(userCreated("bob", "/", tags(50)));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("k1", "new"))));
        // Then
        scenario.then(new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("k1", "new"))));
    }

    @Test
    void acceptsTheFiftiethTag() {
        // Given
        var scenario = given(userCreated("bob", "/", tags(49)));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("k50", ""))));
        // Then
        scenario.then(new UserTagged(ACCOUNT, userId("bob"), "bob", List.of(new Tag("k50", ""))));
    }

    @Test
    void rejectsTheFiftyFirstTag() {
        // Given
        var scenario = given(userCreated("bob", "/", tags(50)));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("k51", "v"))));
        // Then
        scenario.thenRejected(IamErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for TagsPerUser: 50.");
    }

    @Test
    void retaggingWithSameValuesIsANoOp() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM)));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(TEAM)));
        // Then
        scenario.then();
    }

    @Test
    void rejectsReservedAwsPrefixInAnyCase() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("AWS:owner", "x"))));
        // Then
        scenario.thenRejected(IamErrorCode.INVALID_INPUT, "Tag key 'AWS:owner' uses the prefix 'aws:', which is reserved for AWS use.");
    }

    @Test
    void rejectsTheSameKeyTwiceInOneRequest() {
        // Given
        var scenario = given(userCreated("bob"));
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(new Tag("a", "1"), new Tag("a", "2"))));
        // Then
        scenario.thenRejected(IamErrorCode.INVALID_INPUT, "Duplicate tag key 'a' in the request.");
    }

    @Test
    void rejectsTaggingUnknownUser() {
        // Given
        var scenario = given();
        // When
        scenario.when(new TagUser(ACCOUNT, "bob", List.of(TEAM)));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }

    @Test
    void untagsOnlyKeysThatArePresent() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM, new Tag("env", "dev"))));
        // When
        scenario.when(new UntagUser(ACCOUNT, "bob", List.of("env", "absent")));
        // Then
        IdentityState state = scenario.then(new UserUntagged(ACCOUNT, userId("bob"), "bob", List.of("env")));
        assertEquals(List.of(TEAM), state.user("bob").orElseThrow().tags());
    }

    @Test
    void untaggingAbsentKeysIsANoOp() {
        // Given
        var scenario = given(userCreated("bob", "/", List.of(TEAM)));
        // When
        scenario.when(new UntagUser(ACCOUNT, "bob", List.of("owner")));
        // Then
        scenario.then();
    }

    @Test
    void rejectsUntaggingUnknownUser() {
        // Given
        var scenario = given();
        // When
        scenario.when(new UntagUser(ACCOUNT, "bob", List.of("team")));
        // Then
        scenario.thenRejected(IamErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.");
    }
}
