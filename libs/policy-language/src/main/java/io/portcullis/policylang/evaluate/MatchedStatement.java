package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.validate.PolicyType;

/**
 * A statement that applied to the request.
 *
 * @param level for SCPs and RCPs, the level from the organization root (0) down to the account (the principal's
 *     for SCPs, the resource's for RCPs); -1 otherwise
 * @param policyIndex the policy's position in its list (within its level for SCPs and RCPs)
 * @param statementIndex the statement's position, or -1 when the policy itself was invalid and failed closed
 */
public record MatchedStatement(PolicyType policyType, int level, int policyIndex, int statementIndex, String sid,
                               boolean allow) {
}
