/** The operator's partner routes ({@code /admin/v1/partners}). */
package io.scenicpass.server.partners.http;
