package io.portcullis.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error body every Portcullis API answers with: {@code {"error":{"code":"NoSuchEntity","message":"..."}}}, and
 * {@code "reason"} where AWS's exception has one.
 */
public record IamError(Detail error) {

    /** {@code reason} only for the AWS exceptions that carry one ({@code ConstraintViolationException}'s, for example). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String reason) {
    }

    public static Response response(IamErrorCode code, String message) {
        return response(new Rejection(code, message));
    }

    public static Response response(Rejection rejection) {
        return Response.status(rejection.code().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new IamError(new Detail(rejection.code().code(), rejection.message(), rejection.reason())))
                .build();
    }
}
