/** Text encodings used by the pass format (Base45, RFC 9285). */
package io.scenicpass.core.codec;
