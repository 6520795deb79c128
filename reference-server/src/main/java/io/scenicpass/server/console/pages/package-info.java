/**
 * The console's pages for running the park (issue 20): catalogue and live slot capacity, devices and their enrollment
 * QR, reports with their exports. Each page checks its right and audits its changes through the operators'
 * {@link io.scenicpass.server.console.ConsolePages}; texts in the bundle {@code console-pages} (zh-CN, en).
 */
package io.scenicpass.server.console.pages;
