/**
 * Browser test harness: {@link io.scenicpass.testing.browser.BrowserHarness} runs a Playwright script (node +
 * playwright-core) in the machine's headless Chromium against a URL and returns its JSON result and screenshots
 * ({@link io.scenicpass.testing.browser.BrowserRun}); a missing node, Chromium or Playwright skips the test loudly.
 */
package io.scenicpass.testing.browser;
