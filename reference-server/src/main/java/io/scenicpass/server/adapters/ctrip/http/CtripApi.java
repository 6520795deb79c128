package io.scenicpass.server.adapters.ctrip.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.adapters.ctrip.CtripAccounts;
import io.scenicpass.server.adapters.ctrip.CtripCode;
import io.scenicpass.server.adapters.ctrip.CtripEnvelope;
import io.scenicpass.server.adapters.ctrip.CtripException;
import io.scenicpass.server.adapters.ctrip.CtripOrders;
import io.scenicpass.server.adapters.ctrip.CtripSignature;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.http.RequestBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrip's supplier interface at {@code POST /adapters/ctrip} (every service on one address, chosen by
 * {@code header.serviceName}; always HTTP 200 with Ctrip's result code), and the operator's
 * {@code PUT /admin/v1/channels/{id}/ctrip} that makes a channel a Ctrip account.
 */
public final class CtripApi {
    private static final Logger LOG = LoggerFactory.getLogger(CtripApi.class);
    /** How far a request's time may be from ours (either way) before it is refused as a replay or a bad clock. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    record AccountBody(String accountId, String signKey, String noticeUrl) {}

    private final CtripAccounts accounts;
    private final CtripOrders orders;
    private final ChannelService channels;
    private final AdminService admin;
    private final Clock clock;

    public CtripApi(
            CtripAccounts accounts, CtripOrders orders, ChannelService channels, AdminService admin, Clock clock) {
        this.accounts = accounts;
        this.orders = orders;
        this.channels = channels;
        this.admin = admin;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.post("/adapters/ctrip", this::handle);
        r.put("/admin/v1/channels/{id}/ctrip", AdminApi.authenticated(admin, ctx -> {
            AccountBody b = RequestBodies.ADMIN.read(ctx, AccountBody.class);
            accounts.configure(ctx.pathParam("id"), b.accountId(), b.signKey(), b.noticeUrl());
            ctx.status(204);
        }));
        r.get(
                "/admin/v1/channels/{id}/ctrip",
                AdminApi.authenticated(
                        admin,
                        ctx -> ctx.json(Map.of(
                                "accountId",
                                accounts.accountOf(ctx.pathParam("id")).orElse("")))));
    }

    private void handle(Context ctx) {
        String reply;
        try {
            reply = CtripEnvelope.reply(CtripCode.OK, null, serve(CtripEnvelope.parse(ctx.bodyAsBytes())));
        } catch (CtripException e) {
            reply = CtripEnvelope.reply(e.code, e.getMessage(), null);
        } catch (ServiceException e) {
            reply = CtripEnvelope.reply(CtripCode.SYSTEM_BUSY, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.warn("Ctrip request failed", e);
            reply = CtripEnvelope.reply(CtripCode.SYSTEM_BUSY, null, null);
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(reply);
    }

    /** Checks the account, the signature and the request time, then runs the service. */
    private JsonNode serve(CtripEnvelope env) {
        Channel ch = accounts.channel(env.accountId());
        String expected = CtripSignature.sign(
                env.accountId(),
                env.serviceName(),
                env.requestTime(),
                env.bodyText(),
                env.version(),
                ch.webhookSecret());
        if (!CtripSignature.matches(expected, env.sign())) {
            throw new CtripException(CtripCode.BAD_SIGNATURE, null);
        }
        Instant sent = env.requestInstant();
        if (Duration.between(sent, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw new CtripException(
                    CtripCode.STALE_REQUEST, "requestTime is more than " + WINDOW.toMinutes() + " minutes off");
        }
        if (channels.acquire(ch) > 0) {
            throw new CtripException(CtripCode.SYSTEM_BUSY, "too many requests, retry shortly");
        }
        return switch (env.serviceName()) {
            case "CreatePreOrder" -> orders.create(ch, env.body());
            case "PayPreOrder" -> orders.pay(ch, env.body());
            case "CancelOrder" -> orders.cancel(ch, env.body());
            case "QueryOrder" -> orders.query(ch, env.body());
            case "SendVoucher" -> orders.sendVoucher(ch, env.body());
            default -> throw new CtripException(CtripCode.UNKNOWN_SERVICE, "unknown serviceName " + env.serviceName());
        };
    }
}
