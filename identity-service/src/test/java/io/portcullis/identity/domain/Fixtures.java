package io.portcullis.identity.domain;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import io.portcullis.identity.domain.IdentityCommand.AddUserToGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateGroup;
import io.portcullis.identity.domain.IdentityCommand.CreateUser;
import io.portcullis.identity.domain.IdentityEvent.GroupCreated;
import io.portcullis.identity.domain.IdentityEvent.UserAddedToGroup;
import io.portcullis.identity.domain.IdentityEvent.UserCreated;
import io.portcullis.testkit.DeciderScenario;
import java.time.Instant;
import java.util.List;

/** Names, ids and events for tests; ids are derived from the lower-cased name so events and commands agree. */
final class Fixtures {

    static final AccountId ACCOUNT = new AccountId("123456789012");
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Fixtures() {
    }

    /** given(history).when(command).then(events | rejection) against the identity decider with AWS's default quotas. */
    static DeciderScenario<IdentityCommand, IdentityState, Holdings, IdentityEvent> given(IdentityEvent... history) {
        return DeciderScenario.given(new IdentityDecider(), Holdings.none(), history);
    }

    static DeciderScenario<IdentityCommand, IdentityState, Holdings, IdentityEvent> given(IdentityDecider decider,
                                                                                        IdentityEvent... history) {
        return DeciderScenario.given(decider, Holdings.none(), history);
    }

    static String userId(String userName) {
        return "AIDA" + digits(userName);
    }

    static String groupId(String groupName) {
        return "AGPA" + digits(groupName);
    }

    private static String digits(String name) {
        return String.format("%017d", IdentityState.nameKey(name).hashCode() & 0x7fffffffL);
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    static CreateUser createUser(String userName) {
        return createUser(userName, "/");
    }

    static CreateUser createUser(String userName, String path) {
        return new CreateUser(ACCOUNT, userName, path, List.of(), userId(userName), T0);
    }

    static CreateUser createUser(String userName, List<Tag> tags) {
        return new CreateUser(ACCOUNT, userName, "/", tags, userId(userName), T0);
    }

    static CreateGroup createGroup(String groupName) {
        return new CreateGroup(ACCOUNT, groupName, "/", groupId(groupName), T0);
    }

    static UserCreated userCreated(String userName) {
        return userCreated(userName, "/");
    }

    static UserCreated userCreated(String userName, String path) {
        return userCreated(userName, path, List.of());
    }

    static UserCreated userCreated(String userName, String path, List<Tag> tags) {
        return new UserCreated(ACCOUNT, userId(userName), userName, path, ACCOUNT.userArn(path, userName), T0, tags, null);
    }

    static GroupCreated groupCreated(String groupName) {
        return groupCreated(groupName, "/");
    }

    static GroupCreated groupCreated(String groupName, String path) {
        return new GroupCreated(ACCOUNT, groupId(groupName), groupName, path, ACCOUNT.groupArn(path, groupName), T0);
    }

    static UserAddedToGroup added(String groupName, String userName) {
        return new UserAddedToGroup(ACCOUNT, groupId(groupName), groupName, userId(userName), userName);
    }

    static AddUserToGroup addUserToGroup(String groupName, String userName) {
        return new AddUserToGroup(ACCOUNT, groupName, userName);
    }

    static List<Tag> tags(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> new Tag("k" + i, "v" + i)).toList();
    }
}
