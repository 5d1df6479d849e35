package io.portcullis.credential.api;

import io.portcullis.credential.domain.CredentialAccess;
import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.credential.domain.CredentialReport;
import io.portcullis.credential.domain.CredentialState;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Lookup;
import io.portcullis.runtime.api.CommandEdge;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The account's credential report, as AWS's GenerateCredentialReport and GetCredentialReport. No report is kept:
 * each GetCredentialReport makes one from the current state (as fresh as the read headers ask), so Generate has
 * nothing to wait for and answers COMPLETE, and Get never answers AWS's ReportNotPresent or ReportExpired.
 */
@Path("/v1/accounts/{accountId}/credential-report")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CredentialReportResource {

    private final CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge;
    private final Clock clock;

    public CredentialReportResource(CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge, Clock clock) {
        this.edge = edge;
        this.clock = clock;
    }

    /** AWS's {@code GenerateCredentialReport} answer. */
    public record GenerateResponse(String state, String description) {
    }

    /** AWS's {@code GetCredentialReport} answer: the CSV in base64. */
    public record ReportResponse(String content, String reportFormat, Instant generatedTime) {
    }

    @POST
    @Operation(operationId = "GenerateCredentialReport", summary = "Ready at once: the report is made when it is read")
    @APIResponseSchema(value = GenerateResponse.class, responseCode = "200", responseDescription = "COMPLETE")
    public Response generate(@PathParam("accountId") String accountId) {
        // Nothing is made here, yet the action is still decided: a policy denying GenerateCredentialReport must refuse it.
        return edge.read(accountId, CredentialAccess.generateCredentialReport(),
                state -> new GenerateResponse("COMPLETE", "The credential report is made from the current state each time it is read."));
    }

    @GET
    @Operation(operationId = "GetCredentialReport", summary = "The credential report (CSV, base64), with AWS's columns")
    @APIResponseSchema(value = ReportResponse.class, responseCode = "200", responseDescription = "The report")
    public Response get(@PathParam("accountId") String accountId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return edge.lookup(accountId, CredentialAccess.getCredentialReport(), (state, directory) -> Lookup.found(new ReportResponse(
                Base64.getEncoder().encodeToString(CredentialReport.csv(state, directory).getBytes(StandardCharsets.UTF_8)), "text/csv", now)));
    }
}
