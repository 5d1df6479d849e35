package io.portcullis.authz.model;

/** One simulated decision: the action, the resource, and the decision with its reasons. */
public record SimulationResult(String evalActionName, String evalResourceName, Authorization.Decided decision) {
}
