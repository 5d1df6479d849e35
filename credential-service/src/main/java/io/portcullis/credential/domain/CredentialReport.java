package io.portcullis.credential.domain;

import io.portcullis.iam.directory.Directory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * AWS's credential report (GetCredentialReport): one CSV line per user of the account, with AWS's columns in AWS's
 * order and AWS's placeholders ({@code N/A}, {@code no_information}). A pure function of this service's state and
 * identity-service's users; the report is made when asked for.
 *
 * <p>What the suite does not have is reported as AWS reports its absence: no MFA devices ({@code mfa_active}
 * false), no signing certificates, and no record of console sign-ins ({@code password_last_used} is
 * {@code no_information} for a user with a password). The account root's line is left out: the suite keeps no
 * root credentials.
 */
public final class CredentialReport {

    public static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled", "password_last_used",
            "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region",
            "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");

    private static final String NOT_APPLICABLE = "N/A";

    private CredentialReport() {
    }

    /** The report's text: a header line, then a line per user in name order, each ending in a newline. */
    public static String csv(CredentialState state, Directory directory) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Iterator<Directory.Entry> users = directory.users(); users.hasNext(); ) {
            out.append(String.join(",", line(state, users.next()).stream().map(CredentialReport::cell).toList())).append('\n');
        }
        return out.toString();
    }

    private static List<String> line(CredentialState state, Directory.Entry user) {
        List<String> cells = new ArrayList<>(List.of(user.name(), user.arn(), time(user.createDate())));
        Optional<LoginProfile> profile = state.loginProfile(user.id());
        cells.add(String.valueOf(profile.isPresent()));
        cells.add(profile.isPresent() ? "no_information" : NOT_APPLICABLE);
        cells.add(profile.map(p -> time(p.passwordLastChanged())).orElse(NOT_APPLICABLE));
        Integer maxAgeDays = state.passwordPolicy().map(PasswordPolicy::maxPasswordAge).orElse(null);
        cells.add(profile.isPresent() && maxAgeDays != null
                ? time(profile.get().passwordLastChanged().plus(maxAgeDays, ChronoUnit.DAYS)) : NOT_APPLICABLE);
        cells.add("false");
        List<AccessKey> keys = state.keysOf(user.id()).keys();
        for (int i = 0; i < 2; i++) {
            AccessKey key = i < keys.size() ? keys.get(i) : null;
            AccessKeyUse used = key == null ? null : key.lastUsed();
            cells.add(String.valueOf(key != null && key.status() == AccessKeyStatus.Active));
            cells.add(key == null ? NOT_APPLICABLE : time(key.createDate()));
            cells.add(used == null ? NOT_APPLICABLE : time(used.usedDate()));
            cells.add(used == null ? NOT_APPLICABLE : used.region());
            cells.add(used == null ? NOT_APPLICABLE : used.serviceName());
        }
        cells.addAll(List.of("false", NOT_APPLICABLE, "false", NOT_APPLICABLE));
        return cells;
    }

    /** IAM names may hold commas ({@code +=,.@_-} are allowed): such a cell is quoted, as RFC 4180 has it. */
    private static String cell(String value) {
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    /** ISO 8601 to the second with the offset, as AWS writes the report's times. */
    private static String time(Instant when) {
        return when == null ? NOT_APPLICABLE : when.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
    }
}
