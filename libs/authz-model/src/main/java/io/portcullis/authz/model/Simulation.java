package io.portcullis.authz.model;

import java.util.List;
import java.util.Map;

/**
 * A simulation, in AWS's two forms: with {@code policySourceArn}, a stored user's policies (SimulatePrincipalPolicy), to
 * which {@code policyInputList} adds and {@code permissionsBoundary} replaces the boundary; without it, the documents
 * given alone (SimulateCustomPolicy), for {@code callerArn}. Every action is decided on every resource.
 */
public record Simulation(String policySourceArn, String callerArn, List<String> policyInputList, String permissionsBoundary,
                         List<String> actionNames, List<String> resourceArns, String resourceOwner, Map<String, List<String>> context) {

    /** The caller of a custom-policy simulation when none is named. */
    public static final String DEFAULT_CALLER = "arn:aws:iam::000000000000:user/simulation";

    public Simulation {
        callerArn = callerArn == null ? DEFAULT_CALLER : callerArn;
        policyInputList = List.copyOf(policyInputList);
        actionNames = List.copyOf(actionNames);
        resourceArns = List.copyOf(resourceArns);
        context = Map.copyOf(context);
    }
}
