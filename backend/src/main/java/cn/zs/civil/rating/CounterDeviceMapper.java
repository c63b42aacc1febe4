package cn.zs.civil.rating;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CounterDeviceMapper {

    record DeviceRow(long id, String label, String ownerUser, LocalDateTime pairingExpiresAt, LocalDateTime pairedAt,
            String offeredApplicationNo, LocalDateTime offeredAt) {
    }

    /** Retires every device of the owner that is not retired yet (a clerk has one device at a time). */
    int retireOwned(@Param("owner") String owner, @Param("at") LocalDateTime at);

    int insertPairing(@Param("label") String label, @Param("owner") String owner, @Param("codeHash") String codeHash,
            @Param("expiresAt") LocalDateTime expiresAt, @Param("at") LocalDateTime at);

    /** Pairings still waiting for their device with this code (0 or 1 unless two codes collided). */
    int countWaiting(@Param("codeHash") String codeHash, @Param("now") LocalDateTime now);

    /** The device claims its pairing: its token from now on; the code is spent. */
    int claim(@Param("codeHash") String codeHash, @Param("tokenHash") String tokenHash,
            @Param("now") LocalDateTime now);

    DeviceRow byToken(@Param("tokenHash") String tokenHash);

    DeviceRow activeOf(@Param("owner") String owner);

    int offer(@Param("id") long id, @Param("applicationNo") String applicationNo, @Param("at") LocalDateTime at);

    /** Takes the offer off the device if it still shows this case: 0 when it moved on meanwhile. */
    int takeOffer(@Param("id") long id, @Param("applicationNo") String applicationNo);
}
