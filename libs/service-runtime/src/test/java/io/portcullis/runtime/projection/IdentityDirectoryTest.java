package io.portcullis.runtime.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.identity.UserAddedToGroup;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.identity.UserRemovedFromGroup;
import io.portcullis.events.identity.UserTagged;
import io.portcullis.events.identity.UserUpdated;
import io.portcullis.iam.directory.Directory;
import io.portcullis.testkit.EventRoundTrip;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class IdentityDirectoryTest {

    private static final EventEnvelope ENVELOPE = EventRoundTrip.envelope("x");
    private static final String BOB = "AIDABOBBOBBOBBOBBOBBO";
    private static final String DEVS = "AGPADEVSDEVSDEVSDEVSD";

    private static Directory fold(SpecificRecord... events) {
        Directory directory = IdentityDirectory.facts().initial();
        for (SpecificRecord event : events) {
            directory = IdentityDirectory.facts().fold().apply(directory, event);
        }
        return directory;
    }

    @Test
    void foldsUsersGroupsRenamesAndMembership() {
        Directory directory = fold(new UserCreated(ENVELOPE, BOB, "bob", "/", "arn:aws:iam::123456789012:user/bob", Instant.EPOCH, List.of(), null),
                new GroupCreated(ENVELOPE, DEVS, "Devs", "/", "arn:aws:iam::123456789012:group/Devs", Instant.EPOCH),
                new UserAddedToGroup(ENVELOPE, DEVS, "Devs", BOB, "bob"),
                new UserUpdated(ENVELOPE, BOB, "bob", "robert", "/", "/eng/", "arn:aws:iam::123456789012:user/eng/robert"),
                new UserTagged(ENVELOPE, BOB, "robert", List.of()));
        assertThat(directory.user("ROBERT")).map(Directory.Entry::id).contains(BOB);
        assertThat(directory.user("ROBERT")).map(Directory.Entry::createDate).as("a rename keeps the creation time").contains(Instant.EPOCH);
        assertThat(directory.user("bob")).isEmpty();
        assertThat(directory.groupsOf(BOB)).extracting(Directory.Entry::name).containsExactly("Devs");
        Directory after = IdentityDirectory.facts().fold().apply(directory, new UserRemovedFromGroup(ENVELOPE, DEVS, "Devs", BOB, "robert"));
        assertThat(after.groupsOf(BOB)).isEmpty();
        assertThat(IdentityDirectory.facts().fold().apply(directory, new UserDeleted(ENVELOPE, BOB, "robert")).userById(BOB)).isEmpty();
    }
}
