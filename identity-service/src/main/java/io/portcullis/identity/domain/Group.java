package io.portcullis.identity.domain;

import java.time.Instant;

/** An IAM group as the directory holds it. */
public record Group(String groupId, String groupName, String path, String arn, Instant createDate) {
}
