package io.portcullis.credential.api;

import io.portcullis.credential.domain.PasswordPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** AWS's {@code PasswordPolicy}, in a request (absent values take AWS's defaults) and in GetAccountPasswordPolicy's answer. */
public record PasswordPolicyBody(
        @Schema(minimum = "6", maximum = "128", description = "6 when absent, as AWS") Integer minimumPasswordLength,
        Boolean requireSymbols, Boolean requireNumbers, Boolean requireUppercaseCharacters, Boolean requireLowercaseCharacters,
        @Schema(description = "false when absent, as AWS") Boolean allowUsersToChangePassword,
        @Schema(minimum = "1", maximum = "1095", description = "days; none when absent") Integer maxPasswordAge,
        @Schema(minimum = "1", maximum = "24") Integer passwordReusePrevention, Boolean hardExpiry) {

    static final PasswordPolicyBody NONE = new PasswordPolicyBody(null, null, null, null, null, null, null, null, null);

    PasswordPolicy toPolicy() {
        return new PasswordPolicy(minimumPasswordLength == null ? PasswordPolicy.POLICY_DEFAULT_MINIMUM_LENGTH : minimumPasswordLength,
                Boolean.TRUE.equals(requireSymbols), Boolean.TRUE.equals(requireNumbers), Boolean.TRUE.equals(requireUppercaseCharacters),
                Boolean.TRUE.equals(requireLowercaseCharacters), Boolean.TRUE.equals(allowUsersToChangePassword), maxPasswordAge,
                passwordReusePrevention, Boolean.TRUE.equals(hardExpiry));
    }

    static PasswordPolicyBody of(PasswordPolicy p) {
        return new PasswordPolicyBody(p.minimumPasswordLength(), p.requireSymbols(), p.requireNumbers(), p.requireUppercaseCharacters(),
                p.requireLowercaseCharacters(), p.allowUsersToChangePassword(), p.maxPasswordAge(), p.passwordReusePrevention(),
                p.hardExpiry());
    }
}
