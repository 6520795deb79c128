/** The issuer's signing keys, their rotation and compromise, keys delegated to box offices ({@link io.scenicpass.server.keys.Delegations}), and the signed key set the gates trust; built by {@link io.scenicpass.server.keys.KeysModule}. */
package io.scenicpass.server.keys;
