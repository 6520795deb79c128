/** SQL of the content feature: content rows per product, option and unit and language, default languages, audit. */
package io.scenicpass.server.content.store;
