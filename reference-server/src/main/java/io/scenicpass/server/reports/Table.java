package io.scenicpass.server.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as a table to export: named columns of a kind (text, count, money in fen, day, time) and rows of values.
 * The column keys are stable (CSV headings, tests); the console shows them translated.
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows, ZoneId zone) {
    public enum Kind {
        TEXT,
        COUNT,
        /** fen, exported as yuan with two decimals */
        MONEY,
        DAY,
        TIME
    }

    public record Column(String key, Kind kind) {}

    /** Builds a table of {@code lines}, one row each, from the columns' getters. */
    public static <L> Table of(String name, List<L> lines, ZoneId zone, List<Col<L>> cols) {
        List<List<Object>> rows = new ArrayList<>();
        for (L l : lines) {
            List<Object> row = new ArrayList<>();
            cols.forEach(c -> row.add(c.get().apply(l)));
            rows.add(row);
        }
        return new Table(
                name, cols.stream().map(c -> new Column(c.key(), c.kind())).toList(), rows, zone);
    }

    /** A column and how to read it from a line. */
    public record Col<L>(String key, Kind kind, Function<L, Object> get) {}

    public static <L> Col<L> text(String key, Function<L, Object> get) {
        return new Col<>(key, Kind.TEXT, get);
    }

    public static <L> Col<L> count(String key, Function<L, Object> get) {
        return new Col<>(key, Kind.COUNT, get);
    }

    public static <L> Col<L> money(String key, Function<L, Object> get) {
        return new Col<>(key, Kind.MONEY, get);
    }

    public static <L> Col<L> day(String key, Function<L, LocalDate> get) {
        return new Col<>(key, Kind.DAY, get::apply);
    }

    public static <L> Col<L> time(String key, Function<L, Instant> get) {
        return new Col<>(key, Kind.TIME, get::apply);
    }
}
