/** The worker thread behind {@link io.scenicpass.terminal.device.AbstractDevice}; not API. */
package io.scenicpass.terminal.internal.device;
