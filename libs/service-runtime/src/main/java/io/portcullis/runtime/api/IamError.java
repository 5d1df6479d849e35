package io.portcullis.runtime.api;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body every Portcullis API answers with: {@code {"error":{"code":"NoSuchEntity","message":"..."}}}. */
public record IamError(Detail error) {

    public record Detail(String code, String message) {
    }

    public static Response response(IamErrorCode code, String message) {
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new IamError(new Detail(code.code(), message)))
                .build();
    }

    public static Response response(Rejection rejection) {
        return response(rejection.code(), rejection.message());
    }
}
