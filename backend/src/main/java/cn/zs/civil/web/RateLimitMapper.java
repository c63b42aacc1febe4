package cn.zs.civil.web;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RateLimitMapper {

    int hit(@Param("key") String key, @Param("window") long window);

    int first(@Param("key") String key, @Param("window") long window);

    Integer hits(@Param("key") String key, @Param("window") long window);

    int deleteBefore(@Param("window") long window);
}
