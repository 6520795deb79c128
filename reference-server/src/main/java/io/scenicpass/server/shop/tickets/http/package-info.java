/** The pages and files of "My tickets": orders, QR images, .ics, refund and date change forms, the offline worker. */
package io.scenicpass.server.shop.tickets.http;
