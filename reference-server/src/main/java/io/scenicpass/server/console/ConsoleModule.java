package io.scenicpass.server.console;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.console.http.AccountPages;
import io.scenicpass.server.console.http.AdminGuard;
import io.scenicpass.server.console.http.AuditPage;
import io.scenicpass.server.console.http.OperatorsApi;
import io.scenicpass.server.console.http.SignInPages;
import io.scenicpass.server.console.store.AuditStore;
import io.scenicpass.server.console.store.OperatorStore;
import io.scenicpass.server.flow.http.DashboardApi;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.web.WebSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operators: accounts, rights of the admin routes, the audit log, the console's sign-in. */
public final class ConsoleModule {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModule.class);

    public final Operators operators;
    public final AuditLog audit;
    public final AdminGuard guard;
    public final OperatorsApi api;
    /** What console pages start from: the signed-in operator, {@code requireRight}, the frame, the audit. */
    public final ConsolePages pages;

    private final Platform platform;
    private final SignInPages signIn;
    private final AccountPages account;
    private final AuditPage auditPage;

    public ConsoleModule(
            Platform p, AdminService admin, IdentityKeys keys, WebSessions sessions, DashboardApi dashboard) {
        this.platform = p;
        operators = new Operators(p, new OperatorStore(), keys);
        audit = new AuditLog(p.db(), new AuditStore(), p.clock());
        guard = new AdminGuard(admin, operators, audit, p.json());
        api = new OperatorsApi(admin, operators, audit);
        pages = new ConsolePages(sessions, operators, audit);
        signIn = new SignInPages(pages, operators, dashboard, p.clock());
        account = new AccountPages(pages, operators);
        auditPage = new AuditPage(pages, audit);
        firstAdministrator();
    }

    /** The admin guard, the operators' API and the console's sign-in, account and audit pages. */
    public void register(RoutesConfig r) {
        guard.register(r);
        api.register(r);
        pages.register(r);
        signIn.register(r);
        account.register(r);
        auditPage.register(r);
    }

    /**
     * With no operator yet, creates the administrator {@code console.admin.login} with {@code console.admin.password}
     * or, when none is configured, a password generated once into {@code <data>/console-admin-password} (0600).
     */
    private void firstAdministrator() {
        String login = platform.config().consoleAdminLogin;
        String password = platform.config().consoleAdminPassword;
        Path f = platform.config().dataDir.resolve("console-admin-password");
        try {
            if (password == null) {
                if (!Files.exists(f)) {
                    byte[] raw = new byte[15];
                    platform.random().nextBytes(raw);
                    SecureFiles.writeOwnerOnly(
                            f,
                            Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(raw)
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                password = Files.readString(f, StandardCharsets.US_ASCII).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + f, e);
        }
        if (operators.bootstrap(login, password)) {
            LOG.warn(
                    "console: created the first administrator '{}' with the password {}; sign in at /console/sign-in",
                    login,
                    platform.config().consoleAdminPassword != null
                            ? "of console.admin.password"
                            : "in " + f + " (set SCENICPASS_CONSOLE_ADMIN_PASSWORD to choose it)");
        }
    }
}
