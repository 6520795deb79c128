/** CBOR encoding of passes (the shared Jackson CBOR factory and the claims codec); implementation details, not API. */
package io.scenicpass.core.internal.cbor;
