/** COSE_Sign1 (RFC 9052) decoding, verification and Ed25519 signing. */
package io.scenicpass.core.cose;
