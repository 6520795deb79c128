/** SQL of partners and their keys (tables {@code partner}, {@code partner_key}, V81). */
package io.scenicpass.server.partners.store;
