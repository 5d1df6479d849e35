package io.portcullis.org.domain;

/** An organizational unit; {@code depth} is 1 for an OU directly under the root. */
public record OrganizationalUnit(String organizationId, String id, String arn, String name, String parentId, int depth) {

    OrganizationalUnit renamed(String newName) {
        return new OrganizationalUnit(organizationId, id, arn, newName, parentId, depth);
    }
}
