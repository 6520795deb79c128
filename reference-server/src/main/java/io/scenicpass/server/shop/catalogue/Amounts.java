package io.scenicpass.server.shop.catalogue;

/** Amounts as the shop's pages show them: {@code ¥12.00} for CNY fen, {@code 12.00 USD} otherwise. */
public final class Amounts {
    private Amounts() {}

    public static String show(long fen, String currency) {
        String amount = (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
        return "CNY".equals(currency) ? "¥" + amount : amount + " " + currency;
    }
}
