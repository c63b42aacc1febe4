package cn.zs.civil.application;

import java.time.LocalDateTime;

/**
 * A case ended (decided, closed or withdrawn): published synchronously by {@link CaseStatus#finish} after the
 * application row and the statutory clock are final, inside the engine's transaction, so listeners that write
 * derived rows (the reports' facts, the rating window) commit or roll back with the end itself.
 */
public record CaseEnded(String applicationNo, String serviceCode, String district, String status, String outcome,
        LocalDateTime endedAt) {
}
