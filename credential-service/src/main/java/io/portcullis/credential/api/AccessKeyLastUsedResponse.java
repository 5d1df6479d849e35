package io.portcullis.credential.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.credential.domain.AccessKeyUse;
import io.portcullis.credential.domain.CredentialQueries.LastUsedView;
import java.time.Instant;

/**
 * AWS's {@code GetAccessKeyLastUsed} answer. A key never used has no {@code lastUsedDate}, and {@code N/A} as its
 * service and region, as AWS answers.
 */
public record AccessKeyLastUsedResponse(String userName, LastUsed accessKeyLastUsed) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastUsed(Instant lastUsedDate, String serviceName, String region) {
    }

    static AccessKeyLastUsedResponse of(LastUsedView view) {
        AccessKeyUse used = view.lastUsed();
        return new AccessKeyLastUsedResponse(view.userName(), used == null ? new LastUsed(null, "N/A", "N/A")
                : new LastUsed(used.usedDate(), used.serviceName(), used.region()));
    }
}
