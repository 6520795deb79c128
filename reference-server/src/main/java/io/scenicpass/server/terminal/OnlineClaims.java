package io.scenicpass.server.terminal;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.Claims;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The online claim ({@code POST /terminal/v1/online-check}): a gate asks before it opens for a pass marked "online
 * preferred", and an entry (IN) the server admits is recorded at once — the admission under the request's event id,
 * stored like an uploaded event ({@link EntryService#store}), so it takes the pass's {@code pass_use} row lock (one
 * pass is serialised across gates and server nodes) and the gate's later upload of its journaled decision, with the
 * same event id, is a DUPLICATE that counts nothing again. Asking again with the same event id answers ADMIT again
 * (idempotent). An admission that would over-use the pass is rolled back and answered DENY ALREADY_ENTERED (or
 * NO_ENTRIES_LEFT, or ALREADY_ENTERED_TODAY for a pass's daily allowance, counted in the pass's days as the gate
 * counts them), so no conflict is recorded for an entry that never happened. A frozen annual pass is refused FROZEN and
 * one not activated NOT_ACTIVATED (EXPIRED after its activation deadline), as the gate refuses them offline. Exits are
 * checked, not recorded.
 */
public final class OnlineClaims {
    private final Database db;
    private final EntryService entries;
    private final RevocationFeedStore feeds;
    private final BlacklistStore blacklist = new BlacklistStore();
    private final KeyService keys;
    private final Clock clock;
    private final String areaId;
    private final LongAdder admitted = new LongAdder();
    private final LongAdder denied = new LongAdder();

    public OnlineClaims(
            Database db, EntryService entries, RevocationFeedStore feeds, KeyService keys, Clock clock, String areaId) {
        this.db = db;
        this.entries = entries;
        this.feeds = feeds;
        this.keys = keys;
        this.clock = clock;
        this.areaId = areaId;
    }

    /** Thrown inside the claim's transaction to roll it back with the answer to give. */
    private static final class Refused extends RuntimeException {
        final OnlineCheckResponse answer;

        Refused(OnlineCheckResponse answer) {
            super(answer.reason(), null, false, false);
            this.answer = answer;
        }
    }

    /**
     * Checks the pass (signature and key, area, revocation) and, for an entry, claims it for {@code device} under the
     * request's event id. The validity window, slot and opening hours are the gate's rules (its clock follows the
     * server's); the claim adds what only the server knows: cancellations since the gate's last sync and the entries
     * made at other gates.
     */
    public OnlineCheckResponse claim(DeviceRow device, OnlineCheckRequest req) {
        OnlineCheckResponse a = decide(device, req);
        (a.verdict() == Verdict.ADMIT ? admitted : denied).increment();
        return a;
    }

    /** Online checks answered ADMIT since start (for an entry: claimed). */
    public long admitted() {
        return admitted.sum();
    }

    /** Online checks answered DENY since start. */
    public long denied() {
        return denied.sum();
    }

    private OnlineCheckResponse decide(DeviceRow device, OnlineCheckRequest req) {
        if (req == null || req.passText() == null || req.passText().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "passText is required");
        }
        if (req.eventId() == null || req.eventId().isBlank() || req.eventId().length() > 64) {
            throw new ServiceException(Problem.BAD_REQUEST, "eventId is required (at most 64 characters)");
        }
        Instant now = clock.instant();
        Pass pass;
        try {
            KeySet ks = keys.signedKeySet().verify(keys.root().publicKey());
            pass = keys.codes().resolve(new PassVerifier(ks).decodeAndVerify(req.passText(), now));
        } catch (ScenicPassException e) {
            return deny(e.code().name());
        }
        Claims cl = pass.claims();
        if (!areaId.equals(cl.issuerId())) {
            return deny("WRONG_AREA");
        }
        if (db.read(c -> feeds.revoked(c, cl.passId()))) {
            return deny("REVOKED");
        }
        // an annual pass: the gate's FROZEN (its blacklist entry) and NOT_ACTIVATED / EXPIRED (ValidityRule)
        if (db.read(c -> blacklist.listed(c, Blacklist.encode(HolderBinding.frozenPass(cl.passId()))))) {
            return deny("FROZEN");
        }
        if (cl.activationRequired()) {
            return deny(now.isAfter(cl.validUntil()) ? "EXPIRED" : "NOT_ACTIVATED");
        }
        if (req.direction() == Direction.OUT) {
            return new OnlineCheckResponse(Verdict.ADMIT, "OK");
        }
        // at the gate's time of the decision, as its upload of the same event would be (EntryService trusts the
        // corrected time of uploads the same way); the server's when an older gate does not send it
        Instant decidedAt = req.decidedAt() != null ? req.decidedAt() : now;
        EntryEvent event = EntryEvent.builder()
                .eventId(req.eventId())
                .passId(cl.passId())
                .gateId(req.gateId() == null ? device.gateId() : req.gateId())
                .deviceId(device.id())
                .zoneId(req.zoneId())
                .direction(Direction.IN)
                .credentialType(CredentialType.QR)
                .verdict(Verdict.ADMIT)
                .reason("OK")
                .deviceTime(decidedAt)
                .correctedTime(decidedAt)
                .offline(false)
                .partyCount(Math.max(1, cl.partySize()))
                .build();
        EntryAckItem[] acks = new EntryAckItem[1];
        try {
            return db.tx(c -> {
                entries.store(c, device, List.of(event), List.of(0), acks, now);
                EntryAckItem ack = acks[0];
                if (ack.status() == EntryAckStatus.ACCEPTED || ack.status() == EntryAckStatus.DUPLICATE) {
                    return new OnlineCheckResponse(Verdict.ADMIT, "OK"); // claimed now, or by this event id before
                }
                if (ack.status() == EntryAckStatus.OVERUSE_CONFLICT) {
                    throw new Refused(deny(
                            ack.message() != null && ack.message().contains(OveruseCheck.ON_THIS_DAY)
                                    ? "ALREADY_ENTERED_TODAY"
                                    : cl.entriesAllowed() > 1 ? "NO_ENTRIES_LEFT" : "ALREADY_ENTERED"));
                }
                throw new Refused(deny(ack.reason() == null ? "RULE_DENIED" : ack.reason()));
            });
        } catch (Refused r) {
            return r.answer;
        }
    }

    private static OnlineCheckResponse deny(String reason) {
        return new OnlineCheckResponse(Verdict.DENY, reason);
    }
}
