/** The identity extension of OCTO request bodies, and the operator's identity API under {@code /admin/v1/identity}. */
package io.scenicpass.server.identity.http;
