package io.portcullis.org.domain;

import java.time.Instant;

/**
 * An account in an organization (the management account too): AWS's {@code Account} and where it sits.
 *
 * @param joinedMethod {@code CREATED} or {@code INVITED}, as AWS says
 */
public record MemberAccount(String organizationId, String id, String arn, String name, String email, String parentId,
                            String joinedMethod, Instant joinedTimestamp) {

    public static final String CREATED = "CREATED";
    public static final String INVITED = "INVITED";
    public static final String STATUS = "ACTIVE";

    MemberAccount movedTo(String newParentId) {
        return new MemberAccount(organizationId, id, arn, name, email, newParentId, joinedMethod, joinedTimestamp);
    }
}
