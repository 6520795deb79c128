package io.scenicpass.server.shop.account;

/** Delivers a sign-in code to the visitor (email or SMS). Never logs the code or the clear address. */
public interface CodeSender {
    /** Sends {@code code} to {@code to} in {@code lang} ({@code zh-CN} or {@code en}); throws when it cannot. */
    void send(Address to, String code, String lang);
}
