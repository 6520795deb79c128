/** SQL of pass products: {@code pass_terms} and {@code annual_pass} (V85). */
package io.scenicpass.server.passes.store;
