package io.scenicpass.terminal;

import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.time.Instant;

/** What one decision is about: the credential, where, when, under which config and event id. */
final class Situation {
    final Credential credential;
    final GateContext context;
    final String gate;
    final String zone;
    final Instant deviceTime;
    final Instant now;
    final DeviceConfig config;
    final String eventId;
    /** The online check gave no answer within the budget: decided offline. */
    boolean fellBack;
    /** The face score and threshold when a face was checked (recorded in the event). */
    Double faceScore;

    Double faceThreshold;
    /** A face captured with a pass that has none yet: enrolled when the decision admits. */
    BiometricTemplate capture;

    Situation(
            Credential credential,
            GateContext context,
            String gate,
            String zone,
            Instant deviceTime,
            Instant now,
            DeviceConfig config,
            String eventId) {
        this.eventId = eventId;
        this.credential = credential;
        this.context = context;
        this.gate = gate;
        this.zone = zone;
        this.deviceTime = deviceTime;
        this.now = now;
        this.config = config;
    }

    Situation decidedOffline(boolean noAnswer) {
        this.fellBack = noAnswer;
        return this;
    }
}
