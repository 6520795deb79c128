/**
 * Annual passes activated by the visitor at a device (issue #23): a kiosk (or box office) or a gate at the first entry
 * presents the pass as scanned, the holder's document as its reader read it and the face its camera captured with the
 * vendor's liveness verdict; the activation is idempotent by the device's request id.
 */
package io.scenicpass.server.passes.activation;
