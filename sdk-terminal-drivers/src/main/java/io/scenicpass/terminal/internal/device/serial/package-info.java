/** Implementation details of the serial drivers (port access, line and ID-card framing, j2mod link); not API. */
package io.scenicpass.terminal.internal.device.serial;
