/** SQL for the site and the blacklist. */
package io.scenicpass.server.admin.store;
