package io.scenicpass.server.invoices.http;

import java.util.Locale;
import java.util.Map;

/** The visitor's invoice page in Chinese (default) and English: its labels and its typed errors' messages. */
public final class PageTexts {
    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("title", "申请电子发票"),
            Map.entry("switch", "English"),
            Map.entry("order", "订单"),
            Map.entry("visit", "游玩日期"),
            Map.entry("total", "金额"),
            Map.entry("buyerTitle", "发票抬头（个人姓名或单位名称）"),
            Map.entry("taxNumber", "纳税人识别号（单位必填，个人可不填）"),
            Map.entry("email", "接收邮箱"),
            Map.entry("submit", "提交"),
            Map.entry("issued", "发票已开具"),
            Map.entry("number", "发票号码"),
            Map.entry("download", "下载发票 PDF"),
            Map.entry("mail.SENT", "已发送至 {0}"),
            Map.entry("mail.PENDING", "正在发送至 {0}"),
            Map.entry("mail.FAILED", "邮件发送失败，请直接下载"),
            Map.entry("mail.OFF", "请直接下载发票"),
            Map.entry("mail.ERASED", "请直接下载发票"),
            Map.entry("error", "错误"),
            Map.entry("LINK_INVALID", "发票链接无效，请扫描收据上的二维码。"),
            Map.entry("LINK_EXPIRED", "发票链接已过期（{0}）。请联系景区开具发票。"),
            Map.entry("NOT_PAID", "该订单尚未支付或已取消，无法开具发票。"),
            Map.entry("BUYER_TITLE", "请填写发票抬头（最多 100 个字）。"),
            Map.entry("TAX_NUMBER", "纳税人识别号应为 15、18 或 20 位字母或数字。"),
            Map.entry("EMAIL", "请填写有效的邮箱地址，例如 name@example.com。"),
            Map.entry("UNAVAILABLE", "暂时无法开具发票，请稍后再试。"),
            Map.entry("ERASED", "发票文件已按数据保留期限删除。"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Request an e-invoice"),
            Map.entry("switch", "中文"),
            Map.entry("order", "Order"),
            Map.entry("visit", "Visit date"),
            Map.entry("total", "Amount"),
            Map.entry("buyerTitle", "Invoice title (your name or your company's)"),
            Map.entry("taxNumber", "Tax number (required for companies)"),
            Map.entry("email", "Email"),
            Map.entry("submit", "Submit"),
            Map.entry("issued", "Your invoice is issued"),
            Map.entry("number", "Invoice number"),
            Map.entry("download", "Download the invoice PDF"),
            Map.entry("mail.SENT", "Sent to {0}"),
            Map.entry("mail.PENDING", "Being sent to {0}"),
            Map.entry("mail.FAILED", "The mail could not be sent: please download it"),
            Map.entry("mail.OFF", "Please download your invoice"),
            Map.entry("mail.ERASED", "Please download your invoice"),
            Map.entry("error", "Error"),
            Map.entry("LINK_INVALID", "This invoice link is not valid: scan the QR code on your receipt."),
            Map.entry("LINK_EXPIRED", "This invoice link expired ({0}). Please ask the park for your invoice."),
            Map.entry("NOT_PAID", "This order is not paid or was cancelled: it cannot be invoiced."),
            Map.entry("BUYER_TITLE", "Please enter the invoice title (up to 100 characters)."),
            Map.entry("TAX_NUMBER", "A tax number has 15, 18 or 20 letters and digits."),
            Map.entry("EMAIL", "Please enter a valid email address, such as name@example.com."),
            Map.entry("UNAVAILABLE", "Invoices cannot be issued right now: please try again later."),
            Map.entry("ERASED", "The invoice file was deleted at the end of its retention period."));

    public final String lang;
    private final Map<String, String> texts;

    private PageTexts(String lang) {
        this.lang = lang;
        this.texts = lang.equals("en") ? EN : ZH;
    }

    /** {@code ?lang=} (zh or en) wins; else the first of zh and en in Accept-Language; else Chinese. */
    public static PageTexts of(String langParam, String acceptLanguage) {
        if ("en".equals(langParam) || "zh".equals(langParam)) {
            return new PageTexts(langParam);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String l = r.getRange().toLowerCase(Locale.ROOT);
                    if (l.startsWith("zh") || l.startsWith("en")) {
                        return new PageTexts(l.substring(0, 2));
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default language
            }
        }
        return new PageTexts("zh");
    }

    /** The text of {@code key}, {@code {0}} replaced by {@code arg}. */
    public String get(String key, String arg) {
        return texts.getOrDefault(key, key).replace("{0}", arg == null ? "" : arg);
    }

    public String get(String key) {
        return get(key, null);
    }

    /** The other language's code (the switch). */
    public String other() {
        return lang.equals("en") ? "zh" : "en";
    }
}
