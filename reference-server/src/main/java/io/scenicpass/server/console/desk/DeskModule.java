package io.scenicpass.server.console.desk;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.channels.http.ChannelsAdminApi;
import io.scenicpass.server.console.ConsoleModule;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.web.WebSessions;

/** The channels, operators and flow pages and the channels' admin routes; adds the pages to the console's navigation. */
public final class DeskModule {
    /** The texts bundle of these pages. */
    static final String TEXTS = "console-channels";

    private final ChannelsAdminApi channelsApi;
    private final ChannelsPage channels;
    private final OperatorsPage operators;
    private final FlowPage flow;

    public DeskModule(
            ConsoleModule console,
            WebSessions sessions,
            ChannelsModule channelsModule,
            CapacityChanges capacity,
            FlowModule flowModule,
            AdminService admin) {
        channelsApi = new ChannelsAdminApi(
                admin, channelsModule.channels, channelsModule.webhooks, channelsModule.subscriptions);
        channels = new ChannelsPage(console.pages, channelsModule, capacity, flowModule.flow);
        operators = new OperatorsPage(console.pages, console.operators, sessions);
        flow = new FlowPage(console.pages, flowModule, capacity);
        console.pages
                .navTexts(TEXTS)
                .addNav("/console/channels", "nav.channels", Right.VIEW)
                .addNav("/console/flow", "nav.flow", Right.VIEW)
                .addNav("/console/operators", "nav.operators", Right.OPERATORS_WRITE);
    }

    public void register(RoutesConfig r) {
        channelsApi.register(r);
        channels.register(r);
        operators.register(r);
        flow.register(r);
    }
}
