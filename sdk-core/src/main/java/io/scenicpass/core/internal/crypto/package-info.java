/** Bouncy Castle access without a global provider, and encrypted PEM for issuer keys; not API. */
package io.scenicpass.core.internal.crypto;
