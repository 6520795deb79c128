/** The park's SQL: zones and their paths, notices, warnings sent. */
package io.scenicpass.server.park.store;
