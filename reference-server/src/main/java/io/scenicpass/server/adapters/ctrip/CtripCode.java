package io.scenicpass.server.adapters.ctrip;

import io.scenicpass.server.Problem;

/**
 * The adapter's result codes in Ctrip's four-digit format ({@code header.resultCode}); "0000" is success. The table
 * (and which of Ctrip's standard codes each stands for) is in docs/resellers-ctrip.md.
 */
public enum CtripCode {
    OK("0000", "操作成功"),
    UNREADABLE("0001", "报文解析失败"),
    BAD_SIGNATURE("0002", "签名错误"),
    UNKNOWN_ACCOUNT("0003", "供应商账户信息不正确"),
    UNKNOWN_SERVICE("0004", "请求方法不存在"),
    SYSTEM_BUSY("0005", "系统处理异常，请重试"),
    STALE_REQUEST("0006", "请求时间超出允许范围"),
    UNKNOWN_PLU("1001", "产品PLU不存在"),
    DATE_NOT_SOLD("1002", "出行日期不可售"),
    SOLD_OUT("1003", "库存不足"),
    BAD_VISITOR("1004", "出行人信息不正确"),
    ORDER_ID_REUSED("1005", "订单号已用于其他内容"),
    NO_SUCH_ORDER("2001", "订单不存在"),
    ORDER_NOT_PAYABLE("2002", "订单状态不允许支付"),
    CANCEL_QUANTITY("3001", "取消数量与可取消数量不一致"),
    NOT_CANCELLABLE("3002", "订单不可取消");

    public final String code;
    public final String message;

    CtripCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The code of a booking service problem; {@code unprocessable}: what "not possible now" means in this service. */
    static CtripCode of(Problem p, CtripCode unprocessable) {
        return switch (p) {
            case INVALID_PRODUCT_ID, INVALID_OPTION_ID, INVALID_UNIT_ID -> CtripCode.UNKNOWN_PLU;
            case INVALID_AVAILABILITY_ID -> CtripCode.DATE_NOT_SOLD;
            case INVALID_BOOKING_UUID, INVALID_ORDER_ID, NOT_FOUND -> CtripCode.NO_SUCH_ORDER;
            case UNPROCESSABLE_ENTITY -> unprocessable;
            case CONFLICT -> CtripCode.ORDER_ID_REUSED;
            case TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> CtripCode.SYSTEM_BUSY;
            case UNAUTHORIZED, FORBIDDEN, NOT_A_SELLER, BOX_OFFICE_ONLY -> CtripCode.UNKNOWN_ACCOUNT;
            case BAD_REQUEST, PAYLOAD_TOO_LARGE, METHOD_OVERRIDE_REFUSED -> CtripCode.UNREADABLE;
            case SHIFT_ALREADY_OPEN, WRONG_PIN -> CtripCode.UNREADABLE; // the box office's own, never a booking's
            case LAST_ADMINISTRATOR -> CtripCode.UNREADABLE; // the console's own
            // the kiosk's pick-up problems: never answered on Ctrip's routes
            case BOOKING_NOT_FOUND,
                    ALREADY_PRINTED,
                    NOT_PRINTED,
                    BOOKING_CANCELLED,
                    BOOKING_EXPIRED,
                    BOOKING_NOT_CONFIRMED,
                    VISIT_DAY_PASSED -> unprocessable;
            // annual passes' lifecycle (admin API): never answered on Ctrip's routes
            case PASS_STATE, ACTIVATION_DEADLINE_PASSED -> unprocessable;
            // console refunds of counter sales (admin and box office API): never answered on Ctrip's routes
            case SALE_NOT_PAID, ALREADY_REFUNDED, PASS_USED, ALREADY_PAID_OUT -> unprocessable;
            // annual passes activated at devices (terminal API): never answered on Ctrip's routes
            case PASS_UNKNOWN,
                    ALREADY_ACTIVE,
                    PASS_FROZEN,
                    WRONG_AREA,
                    DOCUMENT_MISMATCH,
                    LIVENESS_FAILED,
                    LIVENESS_MISSING -> unprocessable;
            // offers and coupons: Ctrip's orders carry no code, so only an automatic offer could ever apply
            case OFFER_UNKNOWN, OFFER_NOT_APPLICABLE, OFFER_LIMIT_REACHED, COUPON_EXPIRED, COUPON_USED -> unprocessable;
        };
    }
}
