/** The Ctrip adapter's HTTP endpoints: {@code POST /adapters/ctrip} and the admin's account set-up. */
package io.scenicpass.server.adapters.ctrip.http;
