/** The simulated kiosk of {@code ./scenicpass kiosk}: sdk-terminal's Counter with a printer writing to a file. */
package io.scenicpass.cli.kiosk;
