package io.scenicpass.server.payments;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers the server knows and which one takes new payments. A payment keeps the provider it started with
 * (queries, refunds and notifications go there even after the operator switched).
 */
public final class PaymentProviders {
    private final Map<String, PaymentProvider> byName = new ConcurrentHashMap<>();
    private volatile String current;

    public PaymentProviders(PaymentProvider initial) {
        put(initial);
        current = initial.name();
    }

    /** Adds or replaces a provider (new keys); {@code makeCurrent}: new payments go to it. */
    public void put(PaymentProvider p, boolean makeCurrent) {
        put(p);
        if (makeCurrent) {
            current = p.name();
        }
    }

    private void put(PaymentProvider p) {
        byName.put(p.name(), p);
    }

    public void use(String name) {
        of(name);
        current = name;
    }

    /** The provider of new payments. */
    public PaymentProvider current() {
        return of(current);
    }

    public String currentName() {
        return current;
    }

    public PaymentProvider of(String name) {
        PaymentProvider p = name == null ? null : byName.get(name);
        if (p == null) {
            throw new ServiceException(Problem.NOT_FOUND, "no payment provider " + name + " is configured", name);
        }
        return p;
    }
}
