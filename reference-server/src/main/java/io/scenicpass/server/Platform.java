package io.scenicpass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.Ids;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.http.MetricsApi;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every feature module is built from: the configuration, time, randomness and ids, the database, the JSON
 * mapper of the APIs, and the metrics registry each module adds its gauges to.
 */
public record Platform(
        ServerConfig config,
        Clock clock,
        SecureRandom random,
        Ids ids,
        Database db,
        ObjectMapper json,
        MetricsApi metrics) {}
