/**
 * The web platform of the pages people use (the visitors' shop, the operator console): server-side sessions with
 * CSRF tokens, the page's language, translated texts, and the rendering of JTE pages and their typed error pages.
 * Machines keep the JSON APIs and their tokens.
 */
package io.scenicpass.server.web;
