/** SQL of the web platform: sessions. */
package io.scenicpass.server.web.store;
