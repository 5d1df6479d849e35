package io.portcullis.credential.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.credential.domain.CredentialEvent.AccessKeyCreated;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyExpired;
import io.portcullis.credential.domain.CredentialEvent.AccessKeyUsed;
import io.portcullis.credential.domain.CredentialEvent.AccountPasswordPolicyUpdated;
import io.portcullis.credential.domain.CredentialEvent.LoginProfileCreated;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.directory.Directory;
import io.portcullis.testkit.DeciderScenario;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialReportTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123Z");
    private static final String ANN_ID = "AIDAANNANNANNANNANNAN";
    private static final String BOB_ID = "AIDABOBBOBBOBBOBBOBBO";
    private static final Directory USERS = Directory.empty()
            .withUser(new Directory.Entry(BOB_ID, "bob,jr", ACCOUNT.userArn("/", "bob,jr"), T0))
            .withUser(new Directory.Entry(ANN_ID, "ann", ACCOUNT.userArn("/ops/", "ann"), T0.minusSeconds(86_400)));

    private static CredentialState state(CredentialEvent... history) {
        return DeciderScenario.given(new CredentialDecider(), USERS, history).state();
    }

    @Test
    void hasAwsColumnsAndALinePerUserWithPasswordsKeysAndTheirLastUse() {
        String csv = CredentialReport.csv(state(
                new AccountPasswordPolicyUpdated(ACCOUNT, 8, false, false, false, false, true, 90, null, false),
                new LoginProfileCreated(ACCOUNT, ANN_ID, "ann", "hash", false, T0),
                new AccessKeyCreated(ACCOUNT, ANN_ID, "ann", "AKIAAAAAAAAAAAAAAAAA", "s", AccessKeyStatus.Active, T0),
                new AccessKeyCreated(ACCOUNT, ANN_ID, "ann", "AKIABBBBBBBBBBBBBBBB", "s", AccessKeyStatus.Active, T0.plusSeconds(60)),
                new AccessKeyUsed(ACCOUNT, ANN_ID, "ann", "AKIABBBBBBBBBBBBBBBB", T0.plusSeconds(120), "s3", "eu-west-1"),
                new AccessKeyExpired(ACCOUNT, ANN_ID, "ann", "AKIAAAAAAAAAAAAAAAAA", T0, 60)), USERS);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
                + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("ann,arn:aws:iam::123456789012:user/ops/ann,2026-11-29T10:00:00+00:00,true,no_information,"
                + "2026-11-30T10:00:00+00:00,2027-02-28T10:00:00+00:00,false,"
                + "false,2026-11-30T10:00:00+00:00,N/A,N/A,N/A,"
                + "true,2026-11-30T10:01:00+00:00,2026-11-30T10:02:00+00:00,eu-west-1,s3,false,N/A,false,N/A");
        // A name with a comma is quoted; a user without credentials has N/A and false throughout.
        assertThat(lines.get(2)).isEqualTo("\"bob,jr\",\"arn:aws:iam::123456789012:user/bob,jr\",2026-11-30T10:00:00+00:00,false,N/A,N/A,N/A,"
                + "false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
        assertThat(lines.get(0).split(",")).hasSize(CredentialReport.COLUMNS.size());
    }
}
