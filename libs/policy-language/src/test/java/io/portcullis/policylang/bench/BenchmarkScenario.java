package io.portcullis.policylang.bench;

import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.PolicySet;
import io.portcullis.policylang.validate.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A principal with 10 identity policies of 10 statements each (with conditions), 3 SCP levels and a
 * permissions boundary, and a fixed mix of requests that are allowed, implicitly and explicitly denied.
 */
public final class BenchmarkScenario {

    static final String[] SERVICES = {"s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "kms", "logs", "iam", "cloudwatch"};
    static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Update", "Tag", "Start", "Send", "Delete"};

    public final List<String> identity = new ArrayList<>();
    public final List<List<String>> scps = new ArrayList<>();
    public final String boundary;
    public final List<AuthorizationRequest> requests = new ArrayList<>();

    public BenchmarkScenario() {
        for (int p = 0; p < 10; p++) {
            List<String> statements = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                statements.add(statement(p, s));
            }
            identity.add(policy(statements));
        }
        scps.add(List.of(policy(List.of("{\"Sid\":\"FullAWSAccess\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))));
        scps.add(List.of(policy(List.of(
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}",
                "{\"Sid\":\"RegionLock\",\"Effect\":\"Deny\",\"Action\":[\"ec2:*\",\"s3:*\",\"dynamodb:*\"],\"Resource\":\"*\","
                        + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}}"))));
        scps.add(List.of(policy(List.of(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"ec2:*\",\"dynamodb:*\",\"sqs:*\",\"sns:*\",\"lambda:*\",\"kms:*\",\"logs:*\"],\"Resource\":\"*\"}"))));
        boundary = policy(List.of(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"ec2:*\",\"dynamodb:*\",\"sqs:*\",\"lambda:*\",\"logs:*\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"));
        for (int r = 0; r < 32; r++) {
            requests.add(request(r));
        }
    }

    /** Statement {@code s} of policy {@code p}: two action patterns, a resource pattern and conditions. */
    private static String statement(int p, int s) {
        String service = SERVICES[(p + s) % SERVICES.length];
        String other = SERVICES[(p + s + 3) % SERVICES.length];
        String effect = s == 9 ? "Deny" : "Allow";
        String resource = service.equals("s3") ? "arn:aws:s3:::bucket-" + p + "-*/*"
                : "arn:aws:" + service + ":*:111122223333:res-" + p + "-" + s + "*";
        String condition = s % 2 == 0
                ? "{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"blue\",\"red\"]},\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}"
                : "{\"StringLike\":{\"aws:RequestTag/project\":[\"apollo-*\",\"gemini-*\"]},\"Bool\":{\"aws:SecureTransport\":\"true\"}}";
        if (s == 9) {
            condition = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"},\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}";
        }
        return "{\"Sid\":\"P" + p + "S" + s + "\",\"Effect\":\"" + effect + "\",\"Action\":[\"" + service + ":" + VERBS[s] + "*\",\""
                + other + ":" + VERBS[(s + 1) % VERBS.length] + "Item" + s + "\"],\"Resource\":\"" + resource + "\",\"Condition\":" + condition + "}";
    }

    private static AuthorizationRequest request(int r) {
        int p = r % 10;
        int s = (r * 3) % 9;
        String service = SERVICES[(p + s) % SERVICES.length];
        String action = service + ":" + VERBS[s] + (r % 4 == 0 ? "Things" : "Object");
        String resource = service.equals("s3") ? "arn:aws:s3:::bucket-" + p + "-data/key/" + r
                : "arn:aws:" + service + ":eu-west-1:111122223333:res-" + p + "-" + s + "-x" + r;
        Map<String, List<String>> context = Map.of(
                "aws:SourceIp", List.of(r % 5 == 0 ? "203.0.113.9" : "10.1." + r + ".7"),
                "aws:SecureTransport", List.of("true"),
                "aws:MultiFactorAuthPresent", List.of(r % 7 == 0 ? "false" : "true"),
                "aws:RequestedRegion", List.of(r % 6 == 0 ? "us-east-1" : "eu-west-1"),
                "aws:RequestTag/project", List.of(r % 3 == 0 ? "apollo-7" : "mercury"));
        return new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", Map.of("team", r % 2 == 0 ? "blue" : "red"),
                action, resource, "111122223333", context);
    }

    private static String policy(List<String> statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    public PolicySet compiled() {
        return new PolicySet(
                identity.stream().map(d -> PolicyCompiler.compile(d, PolicyKind.MANAGED)).toList(),
                PolicyCompiler.compile(boundary, PolicyKind.PERMISSIONS_BOUNDARY),
                scps.stream().map(level -> level.stream().map(d -> PolicyCompiler.compile(d, PolicyKind.SERVICE_CONTROL_POLICY)).toList()).toList(),
                null,
                null);
    }
}
