package io.portcullis.policy.api;

import io.portcullis.policylang.validate.PolicyWarning;
import java.util.List;

/** Something the policy library advises against in an accepted document, as IAM Access Analyzer reports it. */
public record WarningEntry(String code, String message, String location) {

    /** Null for none, so answers without warnings have no {@code warnings} member. */
    static List<WarningEntry> nullIfNone(List<PolicyWarning> warnings) {
        return warnings.isEmpty() ? null : warnings.stream().map(w -> new WarningEntry(w.code(), w.message(), w.location())).toList();
    }
}
