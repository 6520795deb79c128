/** Payment providers that are not a real protocol: the simulated provider of the demo and the tests. */
package io.scenicpass.server.payments.internal;
