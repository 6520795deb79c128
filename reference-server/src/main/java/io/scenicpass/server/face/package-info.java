/**
 * Face at the gate (issue #23): enrolled face templates bound to passes (AES-GCM under the identity key, never a raw
 * photo unless the operator keeps photos), enrolment from the gates' entry events and the admin API (kiosk, shop,
 * activation), distribution in the manifest sealed per device to the gates of the pass's zones only, and the
 * retention job that deletes a template after its pass ended plus the retention period.
 */
package io.scenicpass.server.face;
