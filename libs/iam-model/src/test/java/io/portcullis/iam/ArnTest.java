package io.portcullis.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");

    @Test
    void formatsIamArnsWithoutARegion() {
        // When
        String user = ACCOUNT.userArn("/eng/", "alice");

        // Then
        assertThat(user).isEqualTo("arn:aws:iam::123456789012:user/eng/alice");
        assertThat(ACCOUNT.rootArn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(Arn.awsManagedPolicy("/", "ReadOnlyAccess")).hasToString("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void parsesAnIamUserArnIntoItsParts() {
        // When
        Arn arn = Arn.parse("arn:aws:iam::123456789012:user/division/eng/alice").orElseThrow();

        // Then
        assertThat(arn.service()).isEqualTo("iam");
        assertThat(arn.region()).isEmpty();
        assertThat(arn.accountId()).contains(ACCOUNT);
        assertThat(arn.resourceType()).isEqualTo("user");
        assertThat(arn.resourcePath()).isEqualTo("/division/eng/");
        assertThat(arn.resourceName()).isEqualTo("alice");
    }

    @Test
    void aResourceMayHoldColons() {
        // When
        Arn arn = Arn.parse("arn:aws:s3:::bucket:with:colons/key").orElseThrow();

        // Then
        assertThat(arn.resource()).isEqualTo("bucket:with:colons/key");
        assertThat(arn.resourceType()).isEqualTo("bucket");
        assertThat(arn.accountId()).isEmpty();
    }

    @Test
    void roundTripsStsAndOrganizationsArns() {
        // Given
        Arn session = Arn.sts(ACCOUNT, "assumed-role/admin/session-1");
        Arn ou = Arn.organizations("123456789012", "ou/o-a1b2c3d4e5/ou-ab12-cdef3456");

        // When
        var parsedSession = Arn.parse(session.toString());
        var parsedOu = Arn.parse(ou.toString());

        // Then
        assertThat(parsedSession).contains(session);
        assertThat(parsedOu).contains(ou);
        assertThat(ou).hasToString("arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdef3456");
    }

    @Test
    void refusesTextThatIsNotAnArn() {
        assertThat(Arn.parse("arn:aws:iam::123456789012")).isEmpty();
        assertThat(Arn.parse("urn:aws:iam::123456789012:root")).isEmpty();
        assertThat(Arn.parse("arn:aws:iam::123456789012:")).isEmpty();
        assertThat(Arn.parse(null)).isEmpty();
    }

    @Test
    void aPathlessResourceHasTheRootPath() {
        assertThat(Arn.parse("arn:aws:iam::123456789012:user/alice").orElseThrow().resourcePath()).isEqualTo("/");
    }
}
