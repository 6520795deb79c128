/** The identity tables (all SQL): visitors' documents, per-document limit claims, policies, the document blacklist. */
package io.scenicpass.server.identity.store;
