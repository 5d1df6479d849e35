package io.portcullis.policy.api;

import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.policy.domain.PolicyAccess;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyQueries.EntityKind;
import io.portcullis.policy.domain.PolicyQueries.PolicyFilter;
import io.portcullis.policy.domain.PolicyQueries.Usage;
import io.portcullis.policy.domain.PolicyQueries;
import io.portcullis.policy.domain.PolicyState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RequestParameters;
import io.portcullis.runtime.api.StandardOpenApi;
import io.portcullis.runtime.api.TagEntry;
import io.portcullis.runtime.api.TagListResponse;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Managed policies seen from one account: its own customer managed policies, and AWS's (read-only).
 * {@code {policy}} is the account's policy by name, or any managed policy by ARN with its slashes
 * percent-encoded ({@code arn:aws:iam::aws:policy%2FReadOnlyAccess}), as AWS's API addresses policies by ARN.
 */
@Path("/v1/accounts/{accountId}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PolicyResource {

    private static final String POLICY = "A policy of this account by name, or any managed policy by ARN (slashes encoded as %2F)";

    private final CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge;

    public PolicyResource(CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreatePolicy", summary = "Create a customer managed policy; its document becomes version v1, the default")
    @APIResponseSchema(value = PolicyResponse.class, responseCode = "201", responseDescription = "The policy created")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "EntityAlreadyExists,LimitExceeded,MalformedPolicyDocument,InvalidInput")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreatePolicyRequest body) {
        CreatePolicyRequest request = Objects.requireNonNullElse(body, CreatePolicyRequest.NONE);
        return edge.create(accountId, (account, stamps) -> request.toCommand(account, stamps.newId(UniqueIds.Kind.MANAGED_POLICY),
                stamps.now()), PolicyEvent.PolicyCreated.class, PolicyResponse::of);
    }

    @GET
    @Operation(operationId = "ListPolicies", summary = "List managed policies: scope All, AWS or Local; onlyAttached; policyUsageFilter")
    @APIResponseSchema(value = PolicyListResponse.class, responseCode = "200", responseDescription = "A page of policies, AWS's first, each in name order")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("scope") String scope,
                         @QueryParam("onlyAttached") String onlyAttached, @QueryParam("policyUsageFilter") String usage,
                         @QueryParam("pathPrefix") String pathPrefix, @QueryParam("marker") String marker,
                         @QueryParam("maxItems") String maxItems) {
        PolicyFilter filter = new PolicyFilter(PolicyApi.scope(scope), PolicyApi.flag("onlyAttached", onlyAttached), PolicyApi.usage(usage));
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.read(accountId, PolicyAccess.onAccount("iam:ListPolicies"), state -> PolicyListResponse.of(PolicyQueries.listPolicies(state, filter, list)));
    }

    @GET
    @Path("/{policy}")
    @Operation(operationId = "GetPolicy", summary = "Get a managed policy (without its document: see its default version)")
    @APIResponseSchema(value = PolicyResponse.class, responseCode = "200", responseDescription = "The policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @Parameter(description = POLICY) @PathParam("policy") String policy) {
        return edge.lookup(accountId, PolicyAccess.onPolicy("iam:GetPolicy", policy), (state, directory) -> PolicyQueries.policy(state, policy).map(PolicyResponse::of));
    }

    @DELETE
    @Path("/{policy}")
    @Operation(operationId = "DeletePolicy", summary = "Delete a customer managed policy that nothing uses and that has only its default version")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,DeleteConflict")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("policy") String policy) {
        return edge.execute(accountId, account -> new PolicyCommand.DeletePolicy(account, policy));
    }

    @POST
    @Path("/{policy}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreatePolicyVersion", summary = "Add a version (at most five), optionally as the default")
    @APIResponseSchema(value = PolicyVersionResponse.class, responseCode = "201", responseDescription = "The version created")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded,MalformedPolicyDocument")
    public CompletionStage<Response> createVersion(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                                                   CreatePolicyVersionRequest body) {
        CreatePolicyVersionRequest request = Objects.requireNonNullElse(body, CreatePolicyVersionRequest.NONE);
        return edge.create(accountId, (account, stamps) -> request.toCommand(account, policy, stamps.now()),
                PolicyEvent.PolicyVersionCreated.class, PolicyVersionResponse::of);
    }

    @GET
    @Path("/{policy}/versions")
    @Operation(operationId = "ListPolicyVersions", summary = "List a policy's versions, newest first")
    @APIResponseSchema(value = PolicyVersionListResponse.class, responseCode = "200", responseDescription = "A page of versions, without documents")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response versions(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                             @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onPolicy("iam:ListPolicyVersions", policy),
                (state, directory) -> PolicyQueries.policyVersions(state, policy, list)
                .map(PolicyVersionListResponse::of));
    }

    @GET
    @Path("/{policy}/versions/{versionId}")
    @Operation(operationId = "GetPolicyVersion", summary = "Get one version of a policy, its document exactly as submitted")
    @APIResponseSchema(value = PolicyVersionResponse.class, responseCode = "200", responseDescription = "The version")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response version(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                            @PathParam("versionId") String versionId) {
        return edge.lookup(accountId, PolicyAccess.onPolicy("iam:GetPolicyVersion", policy),
                (state, directory) -> PolicyQueries.policyVersion(state, policy, versionId)
                .map(PolicyVersionResponse::of));
    }

    @DELETE
    @Path("/{policy}/versions/{versionId}")
    @Operation(operationId = "DeletePolicyVersion", summary = "Delete a version that is not the default")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,DeleteConflict")
    public CompletionStage<Response> deleteVersion(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                                                   @PathParam("versionId") String versionId) {
        return edge.execute(accountId, account -> new PolicyCommand.DeletePolicyVersion(account, policy, versionId));
    }

    @PUT
    @Path("/{policy}/default-version")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SetDefaultPolicyVersion", summary = "Make another version the one in force")
    @APIResponse(responseCode = "204", description = "Set")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> setDefault(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                                                DefaultVersionRequest body) {
        DefaultVersionRequest request = Objects.requireNonNullElse(body, DefaultVersionRequest.NONE);
        return edge.execute(accountId, (account, stamps) -> new PolicyCommand.SetDefaultPolicyVersion(account, policy,
                request.versionId(), stamps.now()));
    }

    @GET
    @Path("/{policy}/tags")
    @Operation(operationId = "ListPolicyTags", summary = "List a policy's tags in the order they were set")
    @APIResponseSchema(value = TagListResponse.class, responseCode = "200", responseDescription = "A page of the policy's tags")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response tags(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onPolicy("iam:ListPolicyTags", policy),
                (state, directory) -> PolicyQueries.policyTags(state, policy, list).map(TagListResponse::of));
    }

    @POST
    @Path("/{policy}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "TagPolicy", summary = "Add tags to a customer managed policy or overwrite their values")
    @APIResponse(responseCode = "204", description = "Tagged")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded,InvalidInput")
    public CompletionStage<Response> tag(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                                         TagPolicyRequest body) {
        TagPolicyRequest request = Objects.requireNonNullElse(body, TagPolicyRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.TagPolicy(account, policy, TagEntry.toDomain(request.tags())));
    }

    @DELETE
    @Path("/{policy}/tags")
    @Operation(operationId = "UntagPolicy", summary = "Remove tags from a customer managed policy by key: tagKeys=a,b")
    @APIResponse(responseCode = "204", description = "Untagged (keys the policy does not have are ignored)")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,InvalidInput")
    public CompletionStage<Response> untag(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                                           @QueryParam("tagKeys") List<String> tagKeys) {
        return edge.execute(accountId, account -> new PolicyCommand.UntagPolicy(account, policy, RequestParameters.commaSeparated(tagKeys)));
    }

    @GET
    @Path("/{policy}/entities")
    @Operation(operationId = "ListEntitiesForPolicy", summary = "List the users and groups a managed policy is attached to or bounds")
    @APIResponseSchema(value = EntitiesForPolicyResponse.class, responseCode = "200", responseDescription = "A page of users and groups, in name order")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response entities(@PathParam("accountId") String accountId, @PathParam("policy") String policy,
                             @QueryParam("entityFilter") List<String> entityFilter, @QueryParam("policyUsageFilter") String usage,
                             @QueryParam("pathPrefix") String pathPrefix, @QueryParam("marker") String marker,
                             @QueryParam("maxItems") String maxItems) {
        Set<EntityKind> kinds = PolicyApi.entityKinds("entityFilter", entityFilter);
        Usage usageFilter = PolicyApi.usage(usage);
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onPolicy("iam:ListEntitiesForPolicy", policy),
                (state, directory) -> PolicyQueries.entitiesForPolicy(state, directory, policy, kinds, usageFilter, list)
                .map(EntitiesForPolicyResponse::of));
    }
}
