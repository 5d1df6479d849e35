package io.portcullis.credential.domain;

import java.time.Duration;
import java.time.Instant;

/** When an access key last signed a request, for which service and in which region (AWS's {@code AccessKeyLastUsed}). */
public record AccessKeyUse(Instant usedDate, String serviceName, String region) {

    /** AWS records only the first use in a 15-minute span; so do we, so a busy key costs one event per span. */
    public static final Duration GRANULARITY = Duration.ofMinutes(15);

    /** True when a use at {@code when} is worth recording after this one. */
    boolean isSupersededBy(Instant when) {
        return !when.isBefore(usedDate.plus(GRANULARITY));
    }
}
