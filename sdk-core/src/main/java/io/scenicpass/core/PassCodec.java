package io.scenicpass.core;

import io.scenicpass.core.codec.Base45;
import io.scenicpass.core.cose.CoseSign1;
import io.scenicpass.core.internal.cbor.ClaimsCodec;
import io.scenicpass.core.internal.text.Hex;
import java.util.Optional;

/**
 * Parses passes from their QR text or raw NFC bytes. Structure only: the signature is not checked
 * (see {@link PassVerifier}). On any input whatsoever it returns a {@link Pass} or throws
 * {@link ScenicPassException} (MALFORMED, UNSUPPORTED_VERSION or UNSUPPORTED_ALGORITHM) — nothing else.
 */
public final class PassCodec {
    /** Prefix of the pass text; the digit is the format version. */
    public static final String PREFIX = "SP" + ScenicPassVersion.PASS_FORMAT;
    /** Longest text accepted (a pass is far shorter). */
    public static final int MAX_TEXT = 4096;
    /** Longest raw form accepted. */
    public static final int MAX_BYTES = MAX_TEXT / 3 * 2;

    private PassCodec() {}

    /**
     * Decodes the QR text ({@code SP1...}); surrounding whitespace is ignored. (Stripping is safe: the
     * last Base45 digit of any input is at most 'W', so a pass text never ends in a space.)
     */
    public static Pass decode(String text) {
        try {
            if (text == null) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "no pass text");
            }
            String s = text.strip();
            if (s.length() > MAX_TEXT) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "pass text too long");
            }
            if (!s.startsWith(PREFIX)) {
                if (s.length() >= 3 && s.startsWith("SP") && Character.isDigit(s.charAt(2))) {
                    throw new ScenicPassException(
                            ErrorCode.UNSUPPORTED_VERSION, "pass format " + s.charAt(2) + " is not supported");
                }
                throw new ScenicPassException(ErrorCode.MALFORMED, "not a ScenicPass text (prefix " + PREFIX + ")");
            }
            return decode(Base45.decode(s, PREFIX.length(), s.length()));
        } catch (ScenicPassException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "unreadable pass text");
        }
    }

    /** Decodes the raw COSE_Sign1 bytes (tagged or untagged). */
    public static Pass decode(byte[] raw) {
        try {
            if (raw == null || raw.length == 0 || raw.length > MAX_BYTES) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "pass bytes missing or too long");
            }
            CoseSign1 cose = CoseSign1.decode(raw);
            Algorithm alg = cose.supportedAlgorithm();
            Optional<byte[]> kid = cose.keyId();
            if (!kid.isPresent() || kid.get().length == 0 || kid.get().length > 32) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "pass has no key id");
            }
            Claims claims = ClaimsCodec.decode(cose.payload());
            return new Pass(claims, Hex.encode(kid.get()), alg, raw.clone(), cose);
        } catch (ScenicPassException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "unreadable pass");
        }
    }
}
