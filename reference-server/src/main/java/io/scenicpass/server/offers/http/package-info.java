/** The offers' admin API ({@code /admin/v1/offers}) and console page ({@code /console/offers}). */
package io.scenicpass.server.offers.http;
