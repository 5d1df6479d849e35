package io.portcullis.identity.api;

import io.portcullis.identity.domain.AccountId;
import io.portcullis.identity.domain.IdentityValidation;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.domain.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the account id and the Portcullis headers of a request, refusing malformed ones with a
 * {@code ValidationError} worded like AWS's. Pure: no HTTP types, so it is tested without Quarkus.
 *
 * <ul>
 *   <li>{@value #IDEMPOTENCY_KEY}: 1–64 printable ASCII characters; it becomes the request id too.</li>
 *   <li>{@value #ACTOR}: the caller's ARN; {@code arn:aws:iam::{account}:root} when absent.</li>
 *   <li>{@value #CORRELATION_ID}: optional, 1–128 visible ASCII characters.</li>
 *   <li>Reads: {@value #CONSISTENCY_TOKEN} (a token a write returned) asks for at least that write;
 *       {@value #READ_CONSISTENCY} {@code latest} (the default) for everything committed, {@code fastest} for
 *       whatever this replica has, which contradicts a token.</li>
 * </ul>
 */
public final class IdentityHeaders {

    public static final String CONSISTENCY_TOKEN = "Consistency-Token";
    public static final String READ_CONSISTENCY = "Read-Consistency";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ACTOR = "X-Portcullis-Actor";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String REQUEST_ID = "X-Request-Id";

    static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[\\x20-\\x7E]{1,64}");
    static final Pattern CORRELATION_ID_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,128}");
    static final Pattern ACTOR_FORMAT = Pattern.compile("arn:[\\x21-\\x7E]{1,2044}");

    private IdentityHeaders() {
    }

    /** The {@code accountId} path parameter: exactly 12 digits. */
    public static Parsed<AccountId> accountId(String raw) {
        return IdentityValidation.check().accountId("accountId", raw).result()
                .<Parsed<AccountId>>map(Parsed::invalid)
                .orElseGet(() -> Parsed.valid(new AccountId(raw)));
    }

    /** The id a write is recorded under: the idempotency key when it is well-formed, else a new one. */
    public static String requestId(String idempotencyKey, Supplier<String> newRequestId) {
        return idempotencyKey != null && IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()
                ? idempotencyKey
                : newRequestId.get();
    }

    /** Who sends a write and how to recognise it again. */
    public static Parsed<CommandMetadata> metadata(AccountId account, String idempotencyKey, String actor,
                                                   String correlationId, String requestId) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()) {
            return invalid(IDEMPOTENCY_KEY, idempotencyKey, "Member must be 1 to 64 printable ASCII characters");
        }
        if (actor != null && !ACTOR_FORMAT.matcher(actor).matches()) {
            return invalid(ACTOR, actor, "Member must be an ARN");
        }
        if (correlationId != null && !CORRELATION_ID_FORMAT.matcher(correlationId).matches()) {
            return invalid(CORRELATION_ID, correlationId, "Member must be 1 to 128 visible ASCII characters");
        }
        String caller = actor == null ? "arn:aws:iam::" + account.value() + ":root" : actor;
        return Parsed.valid(new CommandMetadata(caller, requestId, idempotencyKey, correlationId));
    }

    /** How fresh a read must be; {@link ReadConsistency#latest()} when the caller says nothing. */
    public static Parsed<ReadConsistency> readConsistency(String consistencyToken, String readConsistency) {
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(consistencyToken);
        } catch (IllegalArgumentException notOurs) {
            return Parsed.invalid(Rejection.validationError(notOurs.getMessage()));
        }
        String level = readConsistency == null ? "" : readConsistency.trim().toLowerCase(Locale.ROOT);
        if (level.equals("fastest")) {
            return token.isEmpty()
                    ? Parsed.valid(new ReadConsistency.Fastest())
                    : Parsed.invalid(Rejection.validationError(
                            "Send either a " + CONSISTENCY_TOKEN + " or " + READ_CONSISTENCY + ": fastest, not both."));
        }
        if (level.equals("latest") || (level.isEmpty() && token.isEmpty())) {
            return Parsed.valid(ReadConsistency.latest());
        }
        if (level.isEmpty()) {
            return Parsed.valid(new ReadConsistency.AtLeast(token));
        }
        return invalid(READ_CONSISTENCY, readConsistency, "Member must satisfy enum value set: [latest, fastest]");
    }

    private static <T> Parsed<T> invalid(String header, String value, String constraint) {
        return Parsed.invalid(Rejection.validationError("1 validation error detected: Value '" + value + "' at '" + header
                + "' failed to satisfy constraint: " + constraint));
    }
}
