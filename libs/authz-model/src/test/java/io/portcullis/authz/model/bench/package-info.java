/** JMH benchmarks of in-process decisions through the model beside the policy library alone; compiled with the tests, run only from the benchmark command. */
package io.portcullis.authz.model.bench;
