/**
 * The gate's link to the cloud: {@link io.scenicpass.terminal.sync.SyncClient} pulls key sets, revocations,
 * blacklist, manifest and config into a {@link io.scenicpass.terminal.sync.StateSink}, uploads journaled
 * entries, listens to the push stream and corrects the clock; {@link io.scenicpass.terminal.sync.Provisioning}
 * enrolls a device from an {@link io.scenicpass.terminal.sync.EnrollmentCode}.
 */
package io.scenicpass.terminal.sync;
