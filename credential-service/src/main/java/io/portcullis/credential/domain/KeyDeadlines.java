package io.portcullis.credential.domain;

import io.portcullis.credential.domain.CredentialEvent.AccessKeyExpired;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyStatusChanged;
import io.portcullis.iam.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What time does to an account's keys: a rotated key whose grace period ended goes Inactive, and, with a maximum
 * age, an Active key that reached it expires (AWS offers neither; both are ours). The same rule answers "is anything
 * due?" for the service's timer and decides {@link CredentialCommand.MeetKeyDeadlines}, so the two cannot disagree.
 */
public final class KeyDeadlines {

    private KeyDeadlines() {
    }

    /** The events that meet every deadline passed at {@code now}; a grace period's end comes before expiry. */
    public static List<CredentialEvent> due(AccountId accountId, CredentialState state, Instant now, Long maxAgeSeconds) {
        List<CredentialEvent> events = new ArrayList<>();
        for (Iterator<CredentialState.UserKeys> users = state.usersWithKeys(); users.hasNext(); ) {
            CredentialState.UserKeys user = users.next();
            for (AccessKey key : user.keys()) {
                if (key.status() != AccessKeyStatus.Active) {
                    continue;
                }
                if (key.deactivateAt() != null && !now.isBefore(key.deactivateAt())) {
                    events.add(new AccessKeyStatusChanged(accountId, user.userId(), user.userName(), key.accessKeyId(),
                            AccessKeyStatus.Inactive));
                } else if (maxAgeSeconds != null && !now.isBefore(key.createDate().plusSeconds(maxAgeSeconds))) {
                    events.add(new AccessKeyExpired(accountId, user.userId(), user.userName(), key.accessKeyId(), key.createDate(),
                            maxAgeSeconds));
                }
            }
        }
        return events;
    }
}
