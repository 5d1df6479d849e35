package io.portcullis.runtime.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.runtime.projection.TokenNotReturnedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the HTTP layer into an IAM-style error body, so a caller never
 * sees a stack trace or a framework's HTML page. Unexpected failures are logged with a reference
 * that the caller's message quotes.
 */
public class IamErrorMappers {

    private static final Logger LOG = Logger.getLogger(IamErrorMappers.class);

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return IamError.response(IamErrorCode.INVALID_INPUT,
                "Unknown field '" + e.getPropertyName() + "' in the request body.");
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return IamError.response(IamErrorCode.INVALID_INPUT,
                "Field '" + fieldPath(e) + "' has a value of the wrong type: " + e.getValue() + ".");
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = fieldPath(e);
        return IamError.response(IamErrorCode.INVALID_INPUT, field.isEmpty()
                ? "The request body does not have the expected shape."
                : "Field '" + field + "' has a value of the wrong type.");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return IamError.response(IamErrorCode.INVALID_INPUT,
                    "The request body is nested too deeply or holds a value too long to read.");
        }
        return IamError.response(IamErrorCode.INVALID_INPUT, e.getLocation() == null
                ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ").");
    }

    @ServerExceptionMapper
    public Response tokenNotReturned(TokenNotReturnedException e) {
        return IamError.response(IamErrorCode.VALIDATION_ERROR, e.getMessage());
    }

    @ServerExceptionMapper
    public Response rejected(RejectedRequestException e) {
        return IamError.response(e.rejection());
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return IamError.response(IamErrorCode.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return IamError.response(IamErrorCode.NOT_FOUND, "No such resource or route.");
        }
        if (status == 405) {
            return IamError.response(IamErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed on this resource.");
        }
        if (status == 415) {
            return IamError.response(IamErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        if (status >= 400 && status < 500) {
            return IamError.response(IamErrorCode.INVALID_INPUT, "The request is not valid.");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure (reference %s)", reference);
        return IamError.response(IamErrorCode.SERVICE_FAILURE,
                "The request failed because of an unknown error (reference " + reference + ").");
    }

    private static String fieldPath(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }
}
