/** The operator's side: site (zones, gates), blacklist, settings and the admin token; built by {@link io.scenicpass.server.admin.AdminModule}. */
package io.scenicpass.server.admin;
