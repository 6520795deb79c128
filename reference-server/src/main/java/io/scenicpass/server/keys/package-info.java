/** The issuer's signing keys, their rotation and compromise, and the signed key set the gates trust; built by {@link io.scenicpass.server.keys.KeysModule}. */
package io.scenicpass.server.keys;
