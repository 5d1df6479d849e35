package io.portcullis.org;

import io.portcullis.testkit.ArchitectureContract;

/** org-service keeps the suite's layering (see {@link ArchitectureContract}). */
class OrgArchitectureTest extends ArchitectureContract {
}
