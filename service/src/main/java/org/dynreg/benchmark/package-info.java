/**
 * The benchmark ({@code java -jar dynreg-service-exec.jar benchmark}): the machine's read and write limits,
 * the engine-free baseline, the decision tables in memory, the end-to-end rescoring job, the latency
 * of survey submission and the web console's work list and household page with many open tasks, measured
 * in one run on one synthetic registry and written to docs/performance.md.
 * Not part of the test suite.
 */
package org.dynreg.benchmark;
