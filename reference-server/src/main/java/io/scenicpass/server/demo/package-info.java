/** The demo seed behind {@code ./scenicpass demo}. */
package io.scenicpass.server.demo;
