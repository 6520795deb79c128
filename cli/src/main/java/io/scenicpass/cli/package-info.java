/**
 * ScenicPass edge command-line tools: {@code verify} (credentials on stdin, one JSON decision per line),
 * {@code sample-pass} (issue and verify a sample pass with throw-away keys) and, later, {@code gate}.
 * Entry point: {@link io.scenicpass.cli.Main}.
 */
package io.scenicpass.cli;
