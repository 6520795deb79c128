/** The activation page under {@code /shop/annual-passes/{id}} (multipart form with the photo) and its pass's QR. */
package io.scenicpass.server.shop.activation.http;
