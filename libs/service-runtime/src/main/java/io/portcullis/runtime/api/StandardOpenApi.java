package io.portcullis.runtime.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.error.IamErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says the same way, written once: the IAM error body, the standard
 * headers (defined once under {@code components} and referenced by every operation that reads them), the
 * response headers of writes, and each operation's error responses with the IAM codes it may answer.
 *
 * <p>A resource method names its own IAM codes in an extension, {@code @Extension(name = "x-iam-errors", value =
 * "NoSuchEntity,LimitExceeded")}; the codes every route may answer (malformed input, the service failing or out of
 * reach) are added here. Each status lists its codes as an enum of the error body's {@code code}, so a client
 * generator learns them.
 */
public class StandardOpenApi implements OASFilter {

    public static final String ERRORS_EXTENSION = "x-iam-errors";
    private static final String ERROR_SCHEMA = "IamError";
    /** The name of the security scheme every {@code /v1} operation requires: AWS Signature Version 4. */
    public static final String SIGV4 = "sigv4";
    private static final List<IamErrorCode> EVERY_ROUTE = List.of(IamErrorCode.VALIDATION_ERROR, IamErrorCode.INVALID_INPUT,
            IamErrorCode.SERVICE_FAILURE, IamErrorCode.SERVICE_UNAVAILABLE, IamErrorCode.MISSING_AUTHENTICATION_TOKEN,
            IamErrorCode.INVALID_CLIENT_TOKEN_ID, IamErrorCode.SIGNATURE_DOES_NOT_MATCH, IamErrorCode.INCOMPLETE_SIGNATURE,
            IamErrorCode.REQUEST_EXPIRED, IamErrorCode.ACCESS_DENIED);
    private static final List<IamErrorCode> EVERY_WRITE = List.of(IamErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
            IamErrorCode.INTERNAL_FAILURE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ERROR_SCHEMA, errorSchema());
        components.addParameter("IdempotencyKey", header(StandardHeaders.IDEMPOTENCY_KEY,
                "Makes a write safe to retry: the same key with the same request answers the first result and changes nothing "
                        + "again; with another request it is IdempotentParameterMismatch. Also the write's request id.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(64).pattern("[\\x20-\\x7E]{1,64}")));
        components.addSecurityScheme(SIGV4, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("Authorization")
                .description("AWS Signature Version 4 (AWS4-HMAC-SHA256) with a Portcullis access key, in the Authorization header or "
                        + "as a presigned query string; signing name iam (organizations for org-service), any region. The signer is "
                        + "the principal every write records, and the suite's own policies decide what it may do.")
                .addExtension("x-amazon-apigateway-authtype", "awsSigv4"));
        components.addParameter("CorrelationId", header(StandardHeaders.CORRELATION_ID,
                "Ties the events of one business operation together across services.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("[\\x21-\\x7E]{1,128}")));
        components.addParameter("ConsistencyToken", header(StandardHeaders.CONSISTENCY_TOKEN,
                "At least as fresh as these writes: the Consistency-Token a write of this or another service returned, "
                        + "e.g. identity:3:1208,policy:3:77. A read is read at least that fresh; the request's authorization is "
                        + "decided at least that fresh (a key deactivated or a policy detached by that write is in force).",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("([a-z]+:)?\\d+:\\d+(,([a-z]+:)?\\d+:\\d+)*")));
        components.addParameter("ReadConsistency", header(StandardHeaders.READ_CONSISTENCY,
                "latest (the default): everything written to the account before the read; fastest: what this replica has.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("latest", "fastest"))));
        components.addHeader("RequestId", OASFactory.createHeader().description("The id the request is recorded under.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addHeader("ConsistencyToken", OASFactory.createHeader()
                .description("The offsets the write's events were committed at; send it as Consistency-Token to read them.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> standardize(method, operation));
            }
        });
    }

    private static void standardize(PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET;
        List<String> headers = write ? List.of("IdempotencyKey", "CorrelationId", "ConsistencyToken")
                : List.of("ConsistencyToken", "ReadConsistency");
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SIGV4));
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> "accountId".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH)
                    .forEach(parameter -> parameter.description("The 12-digit account the request is about")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^" + AccountId.PATTERN + "$")));
        }
        for (String name : headers) {
            operation.addParameter(OASFactory.createParameter().ref(name));
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeader(StandardHeaders.REQUEST_ID, OASFactory.createHeader().ref("RequestId"));
                    if (write) {
                        response.addHeader(StandardHeaders.CONSISTENCY_TOKEN, OASFactory.createHeader().ref("ConsistencyToken"));
                    }
                }
            });
        }
        List<IamErrorCode> codes = new ArrayList<>(EVERY_ROUTE);
        if (write) {
            codes.addAll(EVERY_WRITE);
        }
        if (operation.getRequestBody() != null) {
            codes.add(IamErrorCode.REQUEST_ENTITY_TOO_LARGE);
        }
        Object own = operation.getExtensions() == null ? null : operation.getExtensions().get(ERRORS_EXTENSION);
        if (own != null) {
            Arrays.stream(own.toString().split(",")).map(String::trim).filter(code -> !code.isEmpty())
                    .map(StandardOpenApi::code).forEach(codes::add);
            operation.removeExtension(ERRORS_EXTENSION);
        }
        Map<Integer, List<String>> byStatus = codes.stream().distinct().collect(Collectors.groupingBy(IamErrorCode::httpStatus,
                TreeMap::new, Collectors.mapping(IamErrorCode::code, Collectors.toList())));
        byStatus.forEach((status, names) -> operation.getResponses().addAPIResponse(Integer.toString(status), errorResponse(names)));
    }

    private static IamErrorCode code(String name) {
        return Arrays.stream(IamErrorCode.values()).filter(code -> code.code().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No IAM error code " + name + " (" + ERRORS_EXTENSION + ")"));
    }

    private static APIResponse errorResponse(List<String> codes) {
        Schema body = OASFactory.createSchema().allOf(List.of(OASFactory.createSchema().ref(ERROR_SCHEMA),
                OASFactory.createSchema().addProperty("error", OASFactory.createSchema()
                        .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .enumeration(new ArrayList<>(codes))))));
        return OASFactory.createAPIResponse().description(String.join(", ", codes))
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(body)));
    }

    private static Schema errorSchema() {
        Map<String, Schema> detail = new LinkedHashMap<>();
        detail.put("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("The IAM error code, as AWS spells it, e.g. NoSuchEntity"));
        detail.put("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("One line saying what was wrong, quoting the offending input"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The error body of every Portcullis API: an IAM error code and a message, never a stack trace.")
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(detail)
                        .required(List.of("code", "message")))
                .required(List.of("error"));
    }

    private static Parameter header(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false).description(description).schema(schema);
    }
}
