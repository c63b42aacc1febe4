package cn.zs.civil.identity;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The failed sign-ins of the embedded mode ({@code sign_in_failure}), owned by {@link LoginThrottle}. */
@Mapper
interface SignInFailureMapper {

    record Failures(int failures, long lastFailure, Long lockedUntil) {
    }

    Failures find(@Param("account") String account);

    /** The account's row, locked until the transaction ends (a failure on another node waits). */
    Failures lock(@Param("account") String account);

    int insert(@Param("account") String account, @Param("at") long at, @Param("lockedUntil") Long lockedUntil);

    int update(@Param("account") String account, @Param("failures") int failures, @Param("at") long at,
            @Param("lockedUntil") Long lockedUntil);

    int delete(@Param("account") String account);

    /** Rows quiet since {@code before} and not locked at {@code now}. */
    int deleteQuiet(@Param("before") long before, @Param("now") long now);
}
