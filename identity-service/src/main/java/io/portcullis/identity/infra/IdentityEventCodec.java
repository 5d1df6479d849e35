package io.portcullis.identity.infra;

import io.portcullis.events.EventEnvelope;
import io.portcullis.identity.domain.AccountId;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.Tag;
import io.portcullis.runtime.command.EventCodec;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps identity events to the Avro records of {@code io.portcullis.events.identity} and back, field by
 * field under the same names. The account id travels in the envelope, not in the payload.
 */
public final class IdentityEventCodec implements EventCodec<IdentityEvent> {

    @Override
    public Class<IdentityEvent> eventType() {
        return IdentityEvent.class;
    }

    @Override
    public SpecificRecord toAvro(IdentityEvent event, EventEnvelope envelope) {
        if (event instanceof IdentityEvent.UserCreated e) {
            return new io.portcullis.events.identity.UserCreated(envelope, e.userId(), e.userName(), e.path(), e.arn(),
                    e.createDate(), toAvroTags(e.tags()));
        } else if (event instanceof IdentityEvent.UserUpdated e) {
            return new io.portcullis.events.identity.UserUpdated(envelope, e.userId(), e.oldUserName(), e.newUserName(),
                    e.oldPath(), e.newPath(), e.newArn());
        } else if (event instanceof IdentityEvent.UserTagged e) {
            return new io.portcullis.events.identity.UserTagged(envelope, e.userId(), e.userName(), toAvroTags(e.tags()));
        } else if (event instanceof IdentityEvent.UserUntagged e) {
            return new io.portcullis.events.identity.UserUntagged(envelope, e.userId(), e.userName(), List.copyOf(e.tagKeys()));
        } else if (event instanceof IdentityEvent.UserDeleted e) {
            return new io.portcullis.events.identity.UserDeleted(envelope, e.userId(), e.userName());
        } else if (event instanceof IdentityEvent.GroupCreated e) {
            return new io.portcullis.events.identity.GroupCreated(envelope, e.groupId(), e.groupName(), e.path(), e.arn(),
                    e.createDate());
        } else if (event instanceof IdentityEvent.GroupUpdated e) {
            return new io.portcullis.events.identity.GroupUpdated(envelope, e.groupId(), e.oldGroupName(), e.newGroupName(),
                    e.oldPath(), e.newPath(), e.newArn());
        } else if (event instanceof IdentityEvent.GroupDeleted e) {
            return new io.portcullis.events.identity.GroupDeleted(envelope, e.groupId(), e.groupName());
        } else if (event instanceof IdentityEvent.UserAddedToGroup e) {
            return new io.portcullis.events.identity.UserAddedToGroup(envelope, e.groupId(), e.groupName(), e.userId(),
                    e.userName());
        } else if (event instanceof IdentityEvent.UserRemovedFromGroup e) {
            return new io.portcullis.events.identity.UserRemovedFromGroup(envelope, e.groupId(), e.groupName(), e.userId(),
                    e.userName());
        }
        throw new IllegalStateException("No Avro mapping for identity event " + event.getClass().getName());
    }

    @Override
    public IdentityEvent fromAvro(SpecificRecord record) {
        if (record instanceof io.portcullis.events.identity.UserCreated r) {
            return new IdentityEvent.UserCreated(account(r.getEnvelope()), r.getUserId(), r.getUserName(), r.getPath(),
                    r.getArn(), r.getCreateDate(), fromAvroTags(r.getTags()));
        } else if (record instanceof io.portcullis.events.identity.UserUpdated r) {
            return new IdentityEvent.UserUpdated(account(r.getEnvelope()), r.getUserId(), r.getOldUserName(),
                    r.getNewUserName(), r.getOldPath(), r.getNewPath(), r.getNewArn());
        } else if (record instanceof io.portcullis.events.identity.UserTagged r) {
            return new IdentityEvent.UserTagged(account(r.getEnvelope()), r.getUserId(), r.getUserName(),
                    fromAvroTags(r.getTags()));
        } else if (record instanceof io.portcullis.events.identity.UserUntagged r) {
            return new IdentityEvent.UserUntagged(account(r.getEnvelope()), r.getUserId(), r.getUserName(), r.getTagKeys());
        } else if (record instanceof io.portcullis.events.identity.UserDeleted r) {
            return new IdentityEvent.UserDeleted(account(r.getEnvelope()), r.getUserId(), r.getUserName());
        } else if (record instanceof io.portcullis.events.identity.GroupCreated r) {
            return new IdentityEvent.GroupCreated(account(r.getEnvelope()), r.getGroupId(), r.getGroupName(), r.getPath(),
                    r.getArn(), r.getCreateDate());
        } else if (record instanceof io.portcullis.events.identity.GroupUpdated r) {
            return new IdentityEvent.GroupUpdated(account(r.getEnvelope()), r.getGroupId(), r.getOldGroupName(),
                    r.getNewGroupName(), r.getOldPath(), r.getNewPath(), r.getNewArn());
        } else if (record instanceof io.portcullis.events.identity.GroupDeleted r) {
            return new IdentityEvent.GroupDeleted(account(r.getEnvelope()), r.getGroupId(), r.getGroupName());
        } else if (record instanceof io.portcullis.events.identity.UserAddedToGroup r) {
            return new IdentityEvent.UserAddedToGroup(account(r.getEnvelope()), r.getGroupId(), r.getGroupName(),
                    r.getUserId(), r.getUserName());
        } else if (record instanceof io.portcullis.events.identity.UserRemovedFromGroup r) {
            return new IdentityEvent.UserRemovedFromGroup(account(r.getEnvelope()), r.getGroupId(), r.getGroupName(),
                    r.getUserId(), r.getUserName());
        }
        throw new IllegalArgumentException("Not an identity event: " + record.getSchema().getFullName());
    }

    private static AccountId account(EventEnvelope envelope) {
        return new AccountId(envelope.getAccountId());
    }

    private static List<io.portcullis.events.Tag> toAvroTags(List<Tag> tags) {
        return tags.stream().map(tag -> new io.portcullis.events.Tag(tag.key(), tag.value())).toList();
    }

    private static List<Tag> fromAvroTags(List<io.portcullis.events.Tag> tags) {
        return tags.stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toList();
    }
}
