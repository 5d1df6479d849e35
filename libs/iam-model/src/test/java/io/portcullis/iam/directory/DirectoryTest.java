package io.portcullis.iam.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.directory.Directory.Entry;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    private static final Entry ALICE = new Entry("AIDAAAAAAAAAAAAAAAAAA", "Alice", "arn:aws:iam::123456789012:user/Alice");

    @Test
    void findsAUserByNameIgnoringCaseAndById() {
        // When
        Directory directory = Directory.empty().withUser(ALICE);

        // Then
        assertThat(directory.user("alice")).contains(ALICE);
        assertThat(directory.userById(ALICE.id())).contains(ALICE);
        assertThat(directory.group("alice")).isEmpty();
    }

    @Test
    void aRenamedUserIsFoundOnlyByItsNewName() {
        // Given
        Directory directory = Directory.empty().withUser(ALICE);

        // When
        Directory renamed = directory.withUser(new Entry(ALICE.id(), "Alicia", "arn:aws:iam::123456789012:user/Alicia"));

        // Then
        assertThat(renamed.user("Alice")).isEmpty();
        assertThat(renamed.user("Alicia")).map(Entry::id).contains(ALICE.id());
        assertThat(directory.user("Alice")).contains(ALICE);
    }

    @Test
    void aDeletedUserIsGoneAndANamesakeHasANewId() {
        // Given
        Directory deleted = Directory.empty().withUser(ALICE).withoutUser(ALICE.id());

        // When
        Directory again = deleted.withUser(new Entry("AIDABBBBBBBBBBBBBBBBB", "Alice", ALICE.arn()));

        // Then
        assertThat(deleted.user("Alice")).isEmpty();
        assertThat(again.user("Alice")).map(Entry::id).contains("AIDABBBBBBBBBBBBBBBBB");
        assertThat(again.userById(ALICE.id())).isEmpty();
    }

    @Test
    void membershipIsKeptInTheOrderJoinedAndLeavesWithTheUser() {
        // Given
        Entry devs = new Entry("AGPAAAAAAAAAAAAAAAAAA", "Devs", "arn:aws:iam::123456789012:group/Devs");
        Entry ops = new Entry("AGPABBBBBBBBBBBBBBBBB", "Ops", "arn:aws:iam::123456789012:group/Ops");
        Directory directory = Directory.empty().withUser(ALICE).withGroup(devs).withGroup(ops);

        // When
        Directory joined = directory.withMember(ops.id(), ALICE.id()).withMember(devs.id(), ALICE.id()).withMember(ops.id(), ALICE.id());

        // Then
        assertThat(joined.groupsOf(ALICE.id())).containsExactly(ops, devs);
        assertThat(joined.withoutMember(ops.id(), ALICE.id()).groupsOf(ALICE.id())).containsExactly(devs);
        assertThat(joined.withoutUser(ALICE.id()).groupsOf(ALICE.id())).isEmpty();
        assertThat(directory.groupsOf(ALICE.id())).isEmpty();
    }
}
