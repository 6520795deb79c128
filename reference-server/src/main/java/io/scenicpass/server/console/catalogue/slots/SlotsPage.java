package io.scenicpass.server.console.catalogue.slots;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.SlotSchedule;
import io.scenicpass.server.sales.store.SlotRuleStore.SlotRule;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/catalogue/slots?option=&month=&day=}: an option's slot rule (changed from a date on), its month
 * calendar and the chosen day's slots, with capacity edits (refused below sold + held, the reason shown) and closing
 * or reopening one slot or the whole day. Reading needs VIEW, every change CATALOGUE_WRITE (audited).
 */
public final class SlotsPage {
    /** An option to choose. */
    public record Choice(String optionId, String label) {}

    /** One slot of the chosen day. */
    public record SlotRow(String slotId, String start, int capacity, int sold, int held, int free, boolean closed) {}

    /** The page: the option, its rules, the month (Monday-first weeks, null for blanks), the day, what happened. */
    public record Model(
            List<Choice> choices,
            String optionId,
            String optionLabel,
            List<SlotRule> rules,
            SlotRule current,
            String today,
            String month,
            String prevMonth,
            String nextMonth,
            List<List<SlotSchedule.DaySummary>> weeks,
            String day,
            List<SlotRow> slots,
            SlotSchedule.RuleChange ruleChange,
            String done,
            String errorCode,
            String error) {
        public String link(String m, String d) {
            return "/console/catalogue/slots?option=" + URLEncoder.encode(optionId, StandardCharsets.UTF_8) + "&month="
                    + m + (d == null ? "" : "&day=" + d);
        }
    }

    private final ConsolePages pages;
    private final CatalogueService catalogue;
    private final SlotSchedule schedule;
    private final CapacityChanges capacity;

    SlotsPage(ConsolePages pages, CatalogueService catalogue, SlotSchedule schedule, CapacityChanges capacity) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.capacity = capacity;
    }

    void register(RoutesConfig r) {
        r.get("/console/catalogue/slots", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.queryParam("option"), ctx.queryParam("month"), ctx.queryParam("day"), null, null);
        });
        r.post("/console/catalogue/slots/rule", ctx -> change(ctx, this::changeRule));
        r.post("/console/catalogue/slots/capacity", ctx -> change(ctx, this::changeCapacity));
        r.post("/console/catalogue/slots/closed", ctx -> change(ctx, this::closeSlot));
        r.post("/console/catalogue/slots/day-closed", ctx -> change(ctx, this::closeDay));
    }

    /** One change of this page: what it did (for the page's notice), or the rule change to show. */
    private interface Change {
        Object apply(Context ctx, Principal p, String option, String day);
    }

    private void change(Context ctx, Change change) {
        Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
        String option = ctx.formParam("option");
        String day = ctx.formParam("day");
        String month = day != null && day.length() >= 7 ? day.substring(0, 7) : ctx.formParam("month");
        month = month == null ? "" : month;
        try {
            Object done = change.apply(ctx, p, option, day);
            if (done instanceof SlotSchedule.RuleChange rc) { // shown at once: the days kept and why
                render(ctx, 200, option, month, day, rc, null);
                return;
            }
            ctx.redirect(
                    "/console/catalogue/slots?option=" + URLEncoder.encode(option, StandardCharsets.UTF_8) + "&month="
                            + month + (day == null || day.isBlank() ? "" : "&day=" + day) + "&done=" + done,
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(ctx, status(e), option, month, day, null, e);
        }
    }

    private Object changeRule(Context ctx, Principal p, String option, String day) {
        SlotSchedule.RuleSpec spec = SlotInputs.rule(
                ctx.formParam("from"),
                ctx.formParam("openTime"),
                ctx.formParam("closeTime"),
                ctx.formParam("intervalMinutes"),
                ctx.formParam("slotCapacity"),
                ctx.formParams("closedWeekdays"));
        SlotSchedule.RuleChange rc = schedule.changeRule(option, spec, p.actor());
        pages.audited(
                p,
                "console: slot rule",
                "optionId=" + option,
                "from=" + spec.from() + ", " + spec.openTime() + "-" + spec.closeTime() + "/" + spec.intervalMinutes()
                        + "min, capacity=" + spec.slotCapacity() + ", closed=" + spec.closedWeekdays()
                        + ", regenerated=" + rc.regeneratedDays() + ", kept="
                        + rc.keptDays().size());
        return rc;
    }

    private Object changeCapacity(Context ctx, Principal p, String option, String day) {
        String slotId = slotOf(ctx, option);
        int cap = SlotInputs.number("capacity", ctx.formParam("capacity"));
        capacity.changeCapacity(slotId, cap);
        pages.audited(p, "console: slot capacity", "slotId=" + slotId, "capacity=" + cap);
        return "capacity";
    }

    private Object closeSlot(Context ctx, Principal p, String option, String day) {
        String slotId = slotOf(ctx, option);
        boolean closed = "true".equals(ctx.formParam("closed"));
        capacity.setClosed(slotId, closed);
        pages.audited(p, "console: slot closed", "slotId=" + slotId, "closed=" + closed);
        return closed ? "closed" : "opened";
    }

    private Object closeDay(Context ctx, Principal p, String option, String day) {
        LocalDate d = SlotInputs.date("day", day);
        boolean closed = "true".equals(ctx.formParam("closed"));
        int n = schedule.setDayClosed(option, d, closed);
        pages.audited(
                p, "console: day closed", "optionId=" + option + ", day=" + d, "closed=" + closed + ", slots=" + n);
        return closed ? "dayClosed" : "dayOpened";
    }

    /** The form's slot, which must be one of the option's (a page edits only the option it shows). */
    private static String slotOf(Context ctx, String option) {
        String slotId = ctx.formParam("slotId");
        if (slotId == null || option == null || !slotId.startsWith(option + "|")) {
            throw new ServiceException(Problem.BAD_REQUEST, "slotId must be a slot of the option shown", slotId);
        }
        return slotId;
    }

    private void render(
            Context ctx,
            int status,
            String optionId,
            String monthText,
            String dayText,
            SlotSchedule.RuleChange rc,
            ServiceException error) {
        List<Choice> choices = new ArrayList<>();
        String label = null;
        for (CatalogueService.ProductView pv : catalogue.products(null)) {
            for (CatalogueService.OptionView ov : pv.options()) {
                String l = pv.product().internalName() + " · " + ov.option().internalName();
                choices.add(new Choice(ov.option().id(), l));
                if (ov.option().id().equals(optionId)) {
                    label = l;
                }
            }
        }
        if (optionId == null || optionId.isBlank()) {
            optionId = choices.isEmpty() ? null : choices.get(0).optionId();
            label = choices.isEmpty() ? null : choices.get(0).label();
        }
        if (optionId == null) {
            throw new ServiceException(Problem.NOT_FOUND, "no product has an option yet");
        }
        LocalDate today = schedule.todayOf(optionId);
        YearMonth month = month(monthText, today);
        LocalDate day = dayText == null || dayText.isBlank() ? null : SlotInputs.date("day", dayText);
        List<SlotSchedule.DaySummary> days = schedule.days(optionId, month.atDay(1), month.atEndOfMonth());
        List<List<SlotSchedule.DaySummary>> weeks = new ArrayList<>();
        List<SlotSchedule.DaySummary> week = new ArrayList<>();
        for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
            week.add(null);
        }
        for (SlotSchedule.DaySummary d : days) {
            week.add(d);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            weeks.add(week);
        }
        List<SlotRow> slots = new ArrayList<>();
        if (day != null) {
            for (InventoryService.SlotView v : schedule.day(optionId, day)) {
                var s = v.slot();
                slots.add(new SlotRow(
                        s.id(),
                        s.localStart().substring(11, 16),
                        s.capacity(),
                        s.sold(),
                        s.held(),
                        v.vacancies(),
                        s.closed()));
            }
        }
        Pages.render(
                ctx,
                status,
                "console/catalogue/slots/slots.jte",
                pages.frame(ctx, "slots.title", SlotsModule.TEXTS),
                new Model(
                        choices,
                        optionId,
                        label,
                        schedule.rules(optionId),
                        schedule.ruleOn(optionId, day != null && !day.isBefore(today) ? day : today),
                        today.toString(),
                        month.toString(),
                        month.minusMonths(1).toString(),
                        month.plusMonths(1).toString(),
                        weeks,
                        day == null ? null : day.toString(),
                        slots,
                        rc,
                        error == null ? ctx.queryParam("done") : null,
                        error == null ? null : error.problem().name(),
                        error == null ? null : error.getMessage()));
    }

    private static YearMonth month(String s, LocalDate today) {
        if (s == null || s.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            return YearMonth.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "month must be YYYY-MM");
        }
    }

    static int status(ServiceException e) {
        return switch (e.problem()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE_ENTITY -> 422;
            default -> 400;
        };
    }
}
