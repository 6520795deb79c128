/**
 * Operators (issue #20): people who run the park through the console. Accounts (Argon2id passwords, optional TOTP,
 * lockout), roles and their rights, personal API tokens, the rights of every admin route, and the audit log of every
 * change made through the console or the admin API.
 */
package io.scenicpass.server.console;
