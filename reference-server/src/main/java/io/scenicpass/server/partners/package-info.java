/**
 * Partners of the park (tills in the park, hotels, transport) and their API credentials: keys stored only as
 * SHA-256 like channel keys, created and rotated through the admin API, checked on the partners' routes
 * ({@code /partner/v1/...}: receipts of the visitor hub, allotments of packages).
 */
package io.scenicpass.server.partners;
