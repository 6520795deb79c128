package io.scenicpass.cli.gate;

import java.io.IOException;
import java.net.ConnectException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The simulated gate's network cable: an OkHttp interceptor that fails every request while the cable is cut,
 * exactly as an unreachable server would (a connect error). Cutting also cancels calls in flight, so the
 * push stream drops like a real disconnect. The gate keeps deciding from its local state meanwhile.
 */
public final class NetworkSwitch implements Interceptor {
    private volatile boolean cut;
    private volatile OkHttpClient client;

    /** @param http the client this switch is installed in (its calls in flight are cancelled on a cut) */
    void attach(OkHttpClient http) {
        this.client = http;
    }

    /** Cuts the network: every request fails from now on, calls in flight are cancelled. */
    public void cut() {
        cut = true;
        OkHttpClient c = client;
        if (c != null) {
            c.dispatcher().cancelAll();
        }
    }

    /** Restores the network. */
    public void restore() {
        cut = false;
    }

    /** @return whether the network is cut */
    public boolean isCut() {
        return cut;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (cut) {
            throw new ConnectException("network cut (simulated gate is offline)");
        }
        return chain.proceed(chain.request());
    }
}
