package io.scenicpass.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.identity.IdentityPolicies;
import io.scenicpass.server.identity.store.PolicyStore;
import io.scenicpass.server.questions.Question;
import io.scenicpass.server.questions.Questions;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.DeviceRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds a believable scenic area — a mountain park in Asia/Shanghai — and writes {@code <data>/demo.json}.
 * Idempotent: a second run with the same data directory reuses the tokens in demo.json and seeds nothing twice.
 */
public final class DemoSeeder {
    /** The demo's daily park capacity pool. */
    public static final String PARK_POOL = "park-daily";

    public static final String ZONE = "Asia/Shanghai";

    /** What demo.json holds. */
    public record DemoInfo(
            String baseUrl,
            String channelApiKey,
            String adminToken,
            String deviceEnrollmentToken,
            String channelId,
            Map<String, String> channelKeys,
            String kioskEnrollmentToken,
            String boxOfficeEnrollmentToken) {}

    private static final String[][] CHANNELS = {
        {"official-site", "官网 Official website", "DIRECT"},
        {"wechat-mini", "微信小程序 WeChat mini-program", "DIRECT"},
        {"alipay-mini", "支付宝小程序 Alipay mini-program", "DIRECT"},
        {"douyin", "抖音 Douyin", "OTA"},
        {"ctrip", "携程 Ctrip", "OTA"},
        {"meituan", "美团 Meituan", "OTA"},
        {"fliggy", "飞猪 Fliggy", "OTA"},
        {"qunar", "去哪儿 Qunar", "OTA"},
        {"tongcheng", "同程 Tongcheng", "OTA"},
        {"mafengwo", "马蜂窝 Mafengwo", "OTA"},
        {"dianping", "大众点评 Dianping", "OTA"},
        {"trip-com", "Trip.com", "OTA"},
        {"klook", "Klook", "OTA"},
        {"getyourguide", "GetYourGuide", "OTA"},
        {"viator", "Viator", "OTA"},
        {"agency-cits", "中国国旅 CITS", "AGENCY"},
        {"agency-cyts", "中青旅 CYTS", "AGENCY"},
        {"agency-spring", "春秋旅游 Spring Tour", "AGENCY"},
        {"agency-gzl", "广之旅 GZL", "AGENCY"},
        {"agency-jinjiang", "锦江旅游 Jin Jiang", "AGENCY"},
        {"agency-local", "黄山本地旅行社 local agency", "AGENCY"},
        {"hotel-concierge", "景区酒店前台 hotel desk", "PARTNER"},
    };

    private final ScenicPassServer server;
    private final SecureRandom random = new SecureRandom();

    public DemoSeeder(ScenicPassServer server) {
        this.server = server;
    }

    /** Seeds (once) and writes demo.json; returns its content. */
    public DemoInfo seed() {
        Path file = server.config().dataDir.resolve("demo.json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        DemoInfo previous = null;
        if (Files.exists(file)) {
            try {
                previous = mapper.readValue(file.toFile(), DemoInfo.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (server.admin().setting("demo.seeded") == null) {
            seedCatalogue();
            seedSite();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String[] c : CHANNELS) {
            if (server.channels().find(c[0]).isEmpty()) {
                server.channels().create(new Channel(c[0], c[1], c[2], null, null, 50, 100, true));
            }
            String key = previous != null && previous.channelKeys() != null
                    ? previous.channelKeys().get(c[0])
                    : null;
            if (key == null) {
                key = "sp_demo_" + c[0] + "_" + token(12);
                server.channels().addKey(c[0], key, "demo");
            }
            keys.put(c[0], key);
        }
        if (server.admin().setting("demo.content") == null) {
            DemoContent.seed(server.content()); // zh-CN and en content (octo/content), also for older demo data
            server.admin().settingIfAbsent("demo.content", "true");
        }
        if (server.admin().setting("demo.park") == null) {
            DemoPark.seed(server.park(), LocalDate.now(server.clock().withZone(java.time.ZoneId.of(ZONE))));
            server.admin().settingIfAbsent("demo.park", "true");
        }
        io.scenicpass.server.packages.PackagesDemo.seed(
                server, LocalDate.now(server.clock().withZone(java.time.ZoneId.of(ZONE))));
        String enrollment = previous != null ? previous.deviceEnrollmentToken() : "enr_" + token(18);
        server.admin().settingIfAbsent("enrollment.tokenHash", ChannelService.sha256Hex(enrollment));
        server.admin().settingIfAbsent("demo.seeded", "true");
        int historyDays = io.scenicpass.server.flow.FlowConfig.demoHistoryDays(server.config().flow);
        if (historyDays > 0 && server.admin().setting("demo.history") == null) {
            // flow history for the dashboard and the forecast (bulk inserts, a few seconds)
            new io.scenicpass.server.flow.DemoHistory(
                            server.database(), server.catalogue(), server.clock(), java.time.ZoneId.of(ZONE))
                    .seed(historyDays, 42L, 1000);
            server.admin().settingIfAbsent("demo.history", Integer.toString(historyDays));
        }
        // the counter: its channel, and one-time tokens for a kiosk and a box office at the north gate (issue 17)
        server.counter().channel.get();
        String kiosk = previous != null && previous.kioskEnrollmentToken() != null
                ? previous.kioskEnrollmentToken()
                : counterToken(DeviceRole.KIOSK, "demo kiosk");
        String boxOffice = previous != null && previous.boxOfficeEnrollmentToken() != null
                ? previous.boxOfficeEnrollmentToken()
                : counterToken(DeviceRole.BOX_OFFICE, "demo box office");
        DemoInfo info = new DemoInfo(
                server.baseUrl(), keys.get("ctrip"), server.adminToken(), enrollment, "ctrip", keys, kiosk, boxOffice);
        try {
            SecureFiles.writeOwnerOnly(file, mapper.writeValueAsBytes(info)); // it holds every token: 0600
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return info;
    }

    /** A one-time enrollment token of a selling device at the north gate, valid 30 days (the longest allowed). */
    private String counterToken(DeviceRole role, String label) {
        return server.devices()
                .createToken("gate-north", label, java.time.Duration.ofDays(30), null, role)
                .token();
    }

    private void seedCatalogue() {
        server.catalogue().setDayPoolDefault(PARK_POOL, 6000);
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                "park-entry",
                                "黄山风景区门票 Mountain park timed entry",
                                "PARK-ENTRY",
                                ZONE,
                                "TIMED_SLOT",
                                false,
                                List.of("park"),
                                PARK_POOL,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                option("park-entry-std", "park-entry", "Standard entry", 1000),
                                List.of(
                                        unit(
                                                "park-entry-adult",
                                                "park-entry-std",
                                                "ADULT",
                                                "成人 Adult",
                                                18,
                                                null,
                                                19000,
                                                17100),
                                        unit(
                                                "park-entry-child",
                                                "park-entry-std",
                                                "CHILD",
                                                "儿童 Child (6-18)",
                                                6,
                                                18,
                                                9500,
                                                8550),
                                        unit(
                                                "park-entry-senior",
                                                "park-entry-std",
                                                "SENIOR",
                                                "长者 Senior (60+)",
                                                60,
                                                null,
                                                9500,
                                                8550))))));
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                "park-cablecar",
                                "门票+索道 Park + cable car pass",
                                "PARK-CABLE",
                                ZONE,
                                "TIMED_SLOT",
                                false,
                                List.of("park", "cableway"),
                                PARK_POOL,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                option("park-cablecar-std", "park-cablecar", "Entry + Yungu cable car", 400),
                                List.of(
                                        unit(
                                                "park-cablecar-adult",
                                                "park-cablecar-std",
                                                "ADULT",
                                                "成人 Adult",
                                                18,
                                                null,
                                                27000,
                                                24300),
                                        unit(
                                                "park-cablecar-child",
                                                "park-cablecar-std",
                                                "CHILD",
                                                "儿童 Child (6-18)",
                                                6,
                                                18,
                                                13500,
                                                12150),
                                        unit(
                                                "park-cablecar-senior",
                                                "park-cablecar-std",
                                                "SENIOR",
                                                "长者 Senior (60+)",
                                                60,
                                                null,
                                                13500,
                                                12150))))));
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                "park-group",
                                "团队票 Group entry (one pass per group)",
                                "PARK-GROUP",
                                ZONE,
                                "TIMED_SLOT",
                                true,
                                List.of("park"),
                                PARK_POOL,
                                48 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                option("park-group-std", "park-group", "Group entry", 300),
                                List.of(unit(
                                        "park-group-adult",
                                        "park-group-std",
                                        "ADULT",
                                        "团队成人 Group adult",
                                        18,
                                        null,
                                        16000,
                                        15000))))));
        // OCTO OPENING_HOURS: a museum day ticket without a time slot (a DAY pass valid 09:00-17:00, one availability
        // per day); open every day so that the OCTO validator's 30-day calendar has opening hours throughout
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                "museum-day",
                                "黄山博物馆日票 Huangshan museum day ticket",
                                "MUSEUM-DAY",
                                ZONE,
                                "DAY",
                                false,
                                List.of("museum"),
                                null,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        "museum-day-std",
                                        "museum-day",
                                        "Day ticket",
                                        true,
                                        LocalTime.of(9, 0),
                                        LocalTime.of(17, 0),
                                        8 * 60,
                                        800,
                                        Set.of(),
                                        Set.of()),
                                List.of(
                                        unit(
                                                "museum-day-adult",
                                                "museum-day-std",
                                                "ADULT",
                                                "成人 Adult",
                                                18,
                                                null,
                                                6000,
                                                5400),
                                        unit(
                                                "museum-day-child",
                                                "museum-day-std",
                                                "CHILD",
                                                "儿童 Child (6-17)",
                                                6,
                                                17,
                                                3000,
                                                2700))))));
        seedRealName();
        seedQuestions();
        // Channel prices: the official site and mini-programs sell below the rack rate.
        for (String ch : List.of("official-site", "wechat-mini", "alipay-mini")) {
            server.catalogue().setPrice("park-entry-adult", ch, 18000, 18000);
            server.catalogue().setPrice("park-cablecar-adult", ch, 25500, 25500);
        }
    }

    /**
     * Real-name selling (issue 14): the senior and child units are real-name with their age bounds (their visitors'
     * documents prove the age); the real-name ticket needs every visitor's document; one booking per document per day
     * across the park's tickets. The adult timed ticket stays NONE (no document, smallest pass).
     */
    private void seedRealName() {
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                "park-realname",
                                "实名制门票 Real-name timed entry",
                                "PARK-REALNAME",
                                ZONE,
                                "TIMED_SLOT",
                                false,
                                List.of("park"),
                                PARK_POOL,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                option("park-realname-std", "park-realname", "Real-name entry", 500),
                                List.of(unit(
                                        "park-realname-adult",
                                        "park-realname-std",
                                        "ADULT",
                                        "实名成人 Adult (ID at booking)",
                                        null,
                                        null,
                                        19000,
                                        17100))))));
        IdentityPolicies policies = new IdentityPolicies(server.database(), server.catalogue());
        policies.put(new PolicyStore.Policy("park-entry", "NONE", 1, "SITE"));
        policies.put(new PolicyStore.Policy("park-cablecar", "NONE", 1, "SITE"));
        policies.put(new PolicyStore.Policy("park-realname", "EVERY_VISITOR", 1, "SITE"));
    }

    /**
     * OCTO questions (issue 16): the cable car asks each child's height (under 1.2 m ride free with an adult, staff
     * measure at the station), the group ticket the kind of group, the museum the language of its guided tour, the park
     * entry the hotel for the shuttle.
     */
    private void seedQuestions() {
        Questions questions = server.questions().questions;
        questions.put(
                "park-cablecar",
                List.of(new Question(
                        "child-height",
                        "park-cablecar",
                        null,
                        "park-cablecar-child",
                        "儿童身高（厘米）Child's height (cm)",
                        "1.2 米以下儿童由成人陪同免费乘坐，站内测量 Under 120 cm ride free with an adult; measured at the station",
                        true,
                        "number",
                        List.of())));
        questions.put(
                "park-group",
                List.of(new Question(
                        "group-kind",
                        "park-group",
                        null,
                        null,
                        "团队类型 Kind of group",
                        null,
                        true,
                        "select",
                        List.of(
                                new Question.SelectOption("学校 School", "school"),
                                new Question.SelectOption("企业 Company", "company"),
                                new Question.SelectOption("旅行团 Tour group", "tour"),
                                new Question.SelectOption("其他 Other", "other")))));
        questions.put(
                "museum-day",
                List.of(new Question(
                        "tour-language",
                        "museum-day",
                        "museum-day-std",
                        null,
                        "讲解语言 Guided tour language",
                        "免费讲解每天 10:00 和 14:00 Free guided tours at 10:00 and 14:00",
                        false,
                        "select",
                        List.of(
                                new Question.SelectOption("中文 Chinese", "zh"),
                                new Question.SelectOption("English", "en"),
                                new Question.SelectOption("不需要 No tour", "none")))));
        questions.put(
                "park-entry",
                List.of(new Question(
                        "shuttle-hotel",
                        "park-entry",
                        null,
                        null,
                        "接驳酒店 Hotel for the park shuttle",
                        "景区班车在山下酒店免费接送 The park shuttle picks up at hotels in the valley",
                        false,
                        "text",
                        List.of())));
    }

    private void seedSite() {
        server.admin().putZone(new SiteStore.Zone("park", "主景区 Mountain park"));
        server.admin().putZone(new SiteStore.Zone("cableway", "云谷索道 Yungu cable car"));
        server.admin().putZone(new SiteStore.Zone("museum", "黄山博物馆 Huangshan museum"));
        server.admin().putGate(new SiteStore.Gate("gate-north", "北门 North gate", "park", "IN"));
        server.admin().putGate(new SiteStore.Gate("gate-south", "南门 South gate", "park", "BOTH"));
        server.admin().putGate(new SiteStore.Gate("gate-cableway", "云谷索道站 Cable car station", "cableway", "IN"));
        server.admin().putGate(new SiteStore.Gate("gate-museum", "博物馆入口 Museum entrance", "museum", "IN"));
    }

    private static ProductOption option(String id, String productId, String name, int slotCapacity) {
        return new ProductOption(
                id,
                productId,
                name,
                true,
                LocalTime.of(8, 0),
                LocalTime.of(18, 0),
                120,
                slotCapacity,
                Set.of(),
                Set.of());
    }

    private static UnitSpec unit(
            String id,
            String optionId,
            String type,
            String name,
            Integer minAge,
            Integer maxAge,
            long retail,
            long net) {
        // real-name units: the concessions whose price the visitor's age proves (their document is taken at booking)
        boolean realName = "CHILD".equals(type) || "SENIOR".equals(type);
        return new UnitSpec(new Unit(id, optionId, type, name, minAge, maxAge, realName, 1), retail, net);
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
