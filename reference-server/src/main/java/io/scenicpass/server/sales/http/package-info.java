/** The OCTO API for resellers ({@code /octo}): requests mapped to the services' commands, bookings rendered as OCTO views. */
package io.scenicpass.server.sales.http;
