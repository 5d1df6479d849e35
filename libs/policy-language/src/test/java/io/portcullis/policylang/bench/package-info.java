/** JMH benchmarks of evaluation and the interpret-every-time baseline they are compared with; compiled with the tests, run only from the benchmark command. */
package io.portcullis.policylang.bench;
