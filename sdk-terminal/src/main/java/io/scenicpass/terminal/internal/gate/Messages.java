package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.DisplayMessage;
import java.util.HashMap;
import java.util.Map;

/** Default bilingual display texts per reason code; the device config may override any of them. */
public final class Messages {
    private static final Map<String, String[]> DEFAULTS = new HashMap<>();

    static {
        put("OK", "欢迎光临", "Welcome");
        put("MALFORMED", "无法识别的票码", "Unreadable ticket");
        put("UNSUPPORTED_VERSION", "票码版本不支持", "Ticket version not supported");
        put("UNSUPPORTED_ALGORITHM", "票码签名不支持", "Ticket signature not supported");
        put("BAD_SIGNATURE", "票码无效", "Invalid ticket");
        put("UNKNOWN_KEY", "票码无法验证", "Ticket cannot be verified");
        put("KEY_RETIRED", "票码已失效", "Ticket no longer valid");
        put("KEY_COMPROMISED", "票码无效", "Invalid ticket");
        put("KEY_REVOKED", "票码无效，请到服务台", "Invalid ticket: please see the service desk");
        put("DELEGATION_EXPIRED", "票码已失效，请到服务台", "Ticket no longer valid: please see the service desk");
        put("DELEGATION_OUT_OF_SCOPE", "票码无效，请到服务台", "Invalid ticket: please see the service desk");
        put("REVOKED", "门票已退或已作废", "Ticket refunded or cancelled");
        put("BLACKLISTED", "请到服务台咨询", "Please see the service desk");
        put("NOT_YET_VALID", "门票尚未生效", "Ticket not valid yet");
        put("EXPIRED", "门票已过期", "Ticket expired");
        put("OUTSIDE_SLOT", "不在预约时段内", "Outside your time slot");
        put("WRONG_AREA", "非本景区门票", "Ticket for another park");
        put("WRONG_ZONE", "此票不能进入该区域", "Not valid for this area");
        put("WRONG_DIRECTION", "请走正确通道", "Please use the other lane");
        put("ALREADY_ENTERED", "门票已使用", "Ticket already used");
        put("NO_ENTRIES_LEFT", "入园次数已用完", "No entries left");
        put("EXIT_REQUIRED", "请先出园再入园", "Please exit before re-entering");
        put("ALREADY_ENTERED_TODAY", "今日已入园，请明日再来", "Already entered today: welcome back tomorrow");
        put("DAYS_USED_UP", "门票可用天数已用完", "All the ticket's days are used");
        put("NOT_ACTIVATED", "年卡尚未激活，请到服务台", "Pass not activated: please see the service desk");
        put("FROZEN", "年卡已冻结，请到服务台", "Pass frozen: please see the service desk");
        put("PARTY_TOO_LARGE", "人数超过门票人数", "More people than the ticket covers");
        put("ID_CHECK_REQUIRED", "优惠票请出示证件", "Concession ticket: show your ID");
        put("AGE_NOT_PROVEN", "证件年龄不符合优惠条件，请到服务台", "ID does not prove the ticket's age: see staff");
        put("HOLDER_MISMATCH", "证件与实名门票不符", "ID does not match the ticket holder");
        put("PASS_REQUIRED", "请同时出示门票二维码", "Please also show your ticket QR code");
        put("STAFF_CHECK_REQUIRED", "请工作人员核验年龄", "Staff: please confirm the visitor's age");
        put("STAFF_CONFIRMED", "欢迎光临", "Welcome");
        put("RULE_DENIED", "当前不可入园", "Entry not allowed now");
        put("HEALTH_CERT_REQUIRED", "请出示健康证明", "Please show a health certificate");
        put("HEALTH_CERT_INVALID", "健康证明无效", "Health certificate not valid");
        put("NOT_FOUND", "未找到门票", "No ticket found");
        put("LIVENESS_FAILED", "活体检测未通过，请本人刷脸", "Face check failed: please show your own face");
        put("FACE_MISMATCH", "人脸与门票不符", "Face does not match the ticket");
        put("FACE_NOT_MATCHED", "未识别到人脸，请出示门票", "Face not recognised: please show your ticket");
        put("JOURNAL_UNAVAILABLE", "设备故障，请联系工作人员", "Gate fault, please ask staff");
        put("INTERNAL_ERROR", "设备故障，请联系工作人员", "Gate fault, please ask staff");
    }

    private static void put(String reason, String zh, String en) {
        DEFAULTS.put(reason, new String[] {zh, en});
    }

    private Messages() {}

    /**
     * @param reason a reason code
     * @param config the device config, may be null
     * @return {@code [zh, en]}
     */
    public static String[] forReason(String reason, DeviceConfig config) {
        if (config != null && config.messages() != null) {
            DisplayMessage m = config.messages().get(reason);
            if (m != null && m.zh() != null && m.en() != null) {
                return new String[] {m.zh(), m.en()};
            }
        }
        String[] d = DEFAULTS.get(reason);
        return d != null ? d.clone() : new String[] {"禁止通行", "Entry denied"};
    }
}
