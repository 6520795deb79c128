package io.scenicpass.server.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link Table} as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese names right) or
 * as an XLSX workbook (Apache POI): numbers are numeric cells, money in yuan with two decimals, days as date cells.
 */
public final class Export {
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Export() {}

    /** The table as CSV; {@code heading} names a column key (identity: the keys). */
    public static byte[] csv(Table t, Function<String, String> heading) {
        return csv(List.of(t), heading);
    }

    /** The tables as one CSV: each with its heading row, an empty line between two (e.g. the settlement's partners). */
    public static byte[] csv(List<Table> tables, Function<String, String> heading) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (Table t : tables) {
            if (t != tables.get(0)) {
                out.append("\r\n");
            }
            line(out, t.columns().stream().map(c -> heading.apply(c.key())).toList());
            for (List<Object> row : t.rows()) {
                List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(text(t, t.columns().get(i).kind(), row.get(i)));
                }
                line(out, cells);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The table as an XLSX workbook with one sheet named after it. */
    public static byte[] xlsx(Table t, Function<String, String> heading) {
        return xlsx(List.of(t), heading);
    }

    /** The tables as an XLSX workbook, one sheet each, named after it. */
    public static byte[] xlsx(List<Table> tables, Function<String, String> heading) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            for (Table t : tables) {
                sheet(wb, t, heading);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(SXSSFWorkbook wb, Table t, Function<String, String> heading) {
        Sheet sheet = wb.createSheet(t.name());
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle day = wb.createCellStyle();
        day.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        Row top = sheet.createRow(0);
        for (int i = 0; i < t.columns().size(); i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(heading.apply(t.columns().get(i).key()));
            cell.setCellStyle(head);
        }
        int r = 1;
        for (List<Object> row : t.rows()) {
            Row x = sheet.createRow(r++);
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = x.createCell(i);
                switch (t.columns().get(i).kind()) {
                    case COUNT -> cell.setCellValue(((Number) v).doubleValue());
                    case MONEY -> {
                        cell.setCellValue(yuan(((Number) v).longValue()).doubleValue());
                        cell.setCellStyle(money);
                    }
                    case DAY -> {
                        cell.setCellValue((LocalDate) v);
                        cell.setCellStyle(day);
                    }
                    default -> cell.setCellValue(text(t, t.columns().get(i).kind(), v));
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** Fen as yuan: 12345 → 123.45. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static String text(Table t, Table.Kind kind, Object v) {
        if (v == null) {
            return "";
        }
        return switch (kind) {
            case MONEY -> yuan(((Number) v).longValue()).toPlainString();
            case TIME -> TIME.format(((Instant) v).atZone(t.zone()));
            default -> v.toString();
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            // quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-[0-9.]+")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            out.append(c);
        }
        out.append("\r\n");
    }
}
