package cn.zs.civil.application;

/**
 * A case ended (decided, closed or withdrawn): published synchronously by {@link CaseStatus#finish} after the
 * application row and the statutory clock are final, inside the same transaction, so listeners that write derived
 * rows (the reports' facts) commit or roll back with the end itself.
 */
public record CaseEnded(String applicationNo) {
}
