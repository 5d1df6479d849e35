package io.portcullis.org.domain;

import java.time.Instant;

/**
 * An invitation to join an organization (AWS's handshake with action {@code INVITE}): offered by the management
 * account, accepted or declined by the invited account, canceled by the management account. An open handshake past
 * its expiration is {@code EXPIRED}; the state is worked out when asked, so expiry needs no event.
 */
public record Handshake(String organizationId, String id, String arn, String managementAccountId, String targetAccountId,
                        String notes, State recordedState, Instant requestedTimestamp, Instant expirationTimestamp) {

    public static final String ACTION = "INVITE";

    public enum State { OPEN, ACCEPTED, DECLINED, CANCELED, EXPIRED }

    public State stateAt(Instant now) {
        return recordedState == State.OPEN && !now.isBefore(expirationTimestamp) ? State.EXPIRED : recordedState;
    }

    Handshake in(State state) {
        return new Handshake(organizationId, id, arn, managementAccountId, targetAccountId, notes, state, requestedTimestamp,
                expirationTimestamp);
    }
}
