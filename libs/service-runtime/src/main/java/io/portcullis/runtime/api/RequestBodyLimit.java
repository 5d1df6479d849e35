package io.portcullis.runtime.api;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.runtime.config.PortcullisConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Refuses a request whose {@code Content-Length} is larger than the service accepts
 * ({@code portcullis.http.max-request-body}) before any of its body is read, with {@code RequestEntityTooLarge} (413)
 * in the IAM error body — and then reads the rest of the body and throws it away.
 *
 * <p>Why it drains: most clients (Python's, the JDK's, the AWS CLI) send the whole body before they read an answer,
 * so a server that answers and closes while they are still sending leaves them a broken pipe instead of the 413.
 * Draining costs this service only the reading of what the caller chose to send, and is bounded in time
 * ({@link #DRAIN_MILLIS}, as web servers bound their lingering close): a caller still sending after that has the
 * connection closed. The connection stays usable after a drained body.
 *
 * <p>Why a router handler and not a REST filter: it runs before Quarkus' own {@code quarkus.http.limits.max-body-size},
 * which answers an empty 413 and closes the connection at once; that limit (set far above this one) now stops only
 * bodies sent without a length.
 */
@ApplicationScoped
public class RequestBodyLimit {

    static final long DRAIN_MILLIS = 30_000;

    private final long maxBytes;

    RequestBodyLimit(PortcullisConfig config) {
        this.maxBytes = config.http().maxRequestBody().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    private void refuseOversizedBodies(RoutingContext context) {
        long length = declaredLength(context.request());
        if (length <= maxBytes) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        long closeTimer = context.vertx().setTimer(DRAIN_MILLIS, fired -> request.connection().close());
        request.handler(discarded -> { });
        request.endHandler(ended -> context.vertx().cancelTimer(closeTimer));
        request.resume();
        context.response().setStatusCode(IamErrorCode.REQUEST_ENTITY_TOO_LARGE.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(StandardHeaders.REQUEST_ID, UUID.randomUUID().toString())
                .end("{\"error\":{\"code\":\"" + IamErrorCode.REQUEST_ENTITY_TOO_LARGE.code() + "\",\"message\":\"The request body is "
                        + length + " bytes; this service accepts at most " + maxBytes + ".\"}}");
    }

    /** The body's declared length, or -1 when it has none a server could trust (absent, not a number). */
    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
