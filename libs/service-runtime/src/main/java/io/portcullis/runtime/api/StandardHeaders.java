package io.portcullis.runtime.api;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the account id and the standard headers every Portcullis API shares, refusing malformed ones with
 * a {@code ValidationError} worded like AWS's ({@link RejectedRequestException}). Pure: no HTTP types, so
 * it is tested without Quarkus.
 *
 * <ul>
 *   <li>{@value #IDEMPOTENCY_KEY}: 1–64 printable ASCII characters; it becomes the request id too.</li>
 *   <li>{@value #CORRELATION_ID}: optional, 1–128 visible ASCII characters.</li>
 *   <li>Reads: {@value #CONSISTENCY_TOKEN} (a token a write of this or another service returned) asks for
 *       at least that write; {@value #READ_CONSISTENCY} {@code latest} (the default) for everything
 *       committed, {@code fastest} for whatever this replica has, which contradicts a token.</li>
 * </ul>
 */
public final class StandardHeaders {

    public static final String CONSISTENCY_TOKEN = "Consistency-Token";
    public static final String READ_CONSISTENCY = "Read-Consistency";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String REQUEST_ID = "X-Request-Id";

    static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[\\x20-\\x7E]{1,64}");
    static final Pattern CORRELATION_ID_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private StandardHeaders() {
    }

    /** The {@code accountId} path parameter: exactly 12 digits. */
    public static AccountId accountId(String raw) {
        RejectedRequestException.refuseIf(Constraints.accountId(raw));
        return new AccountId(raw);
    }

    /** The id a write is recorded under: the idempotency key when it is well-formed, else a new one. */
    public static String requestId(String idempotencyKey, Supplier<String> newRequestId) {
        return idempotencyKey != null && IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()
                ? idempotencyKey
                : newRequestId.get();
    }

    /** Refuses malformed write headers ({@value #IDEMPOTENCY_KEY}, {@value #CORRELATION_ID}) before anything is decided. */
    public static void checkWriteHeaders(String idempotencyKey, String correlationId) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw invalid(IDEMPOTENCY_KEY, idempotencyKey, "Member must be 1 to 64 printable ASCII characters");
        }
        if (correlationId != null && !CORRELATION_ID_FORMAT.matcher(correlationId).matches()) {
            throw invalid(CORRELATION_ID, correlationId, "Member must be 1 to 128 visible ASCII characters");
        }
    }

    /**
     * Who sends a write and how to recognise it again: the principal the authorizer verified, the key it signed with,
     * where the request came from.
     */
    public static CommandMetadata metadata(VerifiedCaller caller, CallerRequest request, String idempotencyKey, String correlationId,
                                           String requestId) {
        checkWriteHeaders(idempotencyKey, correlationId);
        return new CommandMetadata(caller.principalArn(), requestId, idempotencyKey, correlationId)
                .sentWith(caller.accessKeyId(), request.sourceIp(), request.userAgent());
    }

    /**
     * How fresh a read must be; {@link ReadConsistency#latest()} when the caller says nothing. A token
     * without service names names {@code own}'s topic.
     */
    public static ReadConsistency readConsistency(String consistencyToken, String readConsistency, OwningService own) {
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(consistencyToken, own);
        } catch (IllegalArgumentException notOurs) {
            throw new RejectedRequestException(Rejection.validationError(notOurs.getMessage()));
        }
        String level = readConsistency == null ? "" : readConsistency.trim().toLowerCase(Locale.ROOT);
        if (level.equals("fastest")) {
            if (!token.isEmpty()) {
                throw new RejectedRequestException(Rejection.validationError(
                        "Send either a " + CONSISTENCY_TOKEN + " or " + READ_CONSISTENCY + ": fastest, not both."));
            }
            return new ReadConsistency.Fastest();
        }
        if (level.equals("latest") || (level.isEmpty() && token.isEmpty())) {
            return ReadConsistency.latest();
        }
        if (level.isEmpty()) {
            return new ReadConsistency.AtLeast(token);
        }
        throw invalid(READ_CONSISTENCY, readConsistency, "Member must satisfy enum value set: [latest, fastest]");
    }

    private static RejectedRequestException invalid(String header, String value, String constraint) {
        return new RejectedRequestException(Constraints.check().violated(header, value, constraint).result().orElseThrow());
    }
}
