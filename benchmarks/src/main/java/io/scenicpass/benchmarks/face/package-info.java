/**
 * Face at the gate, measured (issue #23): a vendor-style matcher (feature vectors, cosine similarity) standing in for
 * a vendor's SDK, labelled sets, the false accept / false reject evaluator that takes any {@code BiometricMatcher},
 * and the JMH benchmark of the gate decision with 1:N over 10,000 enrolled holders against the QR decision.
 */
package io.scenicpass.benchmarks.face;
