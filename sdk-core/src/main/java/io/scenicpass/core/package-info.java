/**
 * ScenicPass sdk-core: the pass protocol. Issue passes with {@link io.scenicpass.core.PassIssuer},
 * parse them with {@link io.scenicpass.core.PassCodec}, verify them with
 * {@link io.scenicpass.core.PassVerifier} against a {@link io.scenicpass.core.KeySet} received as a
 * {@link io.scenicpass.core.SignedKeySet}. See docs/protocol.md.
 */
package io.scenicpass.core;
