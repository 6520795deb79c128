/** The operator dashboard page and its data. */
package io.scenicpass.server.flow.http;
