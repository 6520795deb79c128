/** Internals of the counter: the sweep that settles sales whose outcome nobody saw. */
package io.scenicpass.server.counter.internal;
