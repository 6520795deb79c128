/** The operator's API and console page for pass products and annual passes. */
package io.scenicpass.server.passes.http;
