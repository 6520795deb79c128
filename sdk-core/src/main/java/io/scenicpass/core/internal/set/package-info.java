/**
 * The fingerprint sets behind revocation sets and blacklists: a lock-free open-addressing table of 64-bit
 * fingerprints and its CRC-checked file format; implementation details, not API.
 */
package io.scenicpass.core.internal.set;
