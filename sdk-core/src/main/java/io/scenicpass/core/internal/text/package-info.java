/** Text encodings behind the pass format (Crockford base32 pass ids, hex); implementation details, not API. */
package io.scenicpass.core.internal.text;
