package io.scenicpass.server.console;

/**
 * Who makes a request: the machine admin token (every right) or an operator (their role's rights), through the admin
 * API ({@code via} API) or the console (CONSOLE). The audit log names it by {@link #actor()}.
 */
public record Principal(String operatorId, String login, Role role, String via) {
    public static final String API = "API";
    public static final String CONSOLE = "CONSOLE";

    /** The machine admin token. */
    public static Principal machine() {
        return new Principal(null, null, Role.ADMINISTRATOR, API);
    }

    public boolean isMachine() {
        return operatorId == null;
    }

    public boolean has(Right r) {
        return role.has(r);
    }

    /** As the audit log shows it: {@code machine-token} or {@code operator:<login>}. */
    public String actor() {
        return isMachine() ? "machine-token" : "operator:" + login;
    }
}
