/** The packages' SQL: partners, resources, allotments, package parts and the parts bookings took (V83). */
package io.scenicpass.server.packages.store;
