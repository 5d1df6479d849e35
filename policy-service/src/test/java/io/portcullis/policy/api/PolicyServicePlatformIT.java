package io.portcullis.policy.api;

import io.portcullis.testkit.RealPartsTestResource;
import io.portcullis.testkit.ServicePlatformContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealPartsTestResource.class)
class PolicyServicePlatformIT extends ServicePlatformContract {
}
