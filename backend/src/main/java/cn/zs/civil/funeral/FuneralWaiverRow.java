package cn.zs.civil.funeral;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A granted waiver: the amounts, the items, and the rule versions it was computed under. */
public record FuneralWaiverRow(String applicationNo, String deceasedKey, String waiverPath, BigDecimal chargedAmount,
        BigDecimal waivedAmount, String specialGroup, String waiverLines, String ruleVersions, LocalDateTime decidedAt,
        BigDecimal paidAmount, LocalDateTime paidAt) {
}
