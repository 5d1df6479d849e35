package io.portcullis.org.domain;

import java.time.Instant;

/** AWS's {@code CreateAccountStatus}; an account is created at once, so the state is always {@code SUCCEEDED}. */
public record CreateAccountStatus(String organizationId, String id, String accountName, String state, Instant requestedTimestamp,
                                  Instant completedTimestamp, String accountId) {

    public static final String SUCCEEDED = "SUCCEEDED";
}
