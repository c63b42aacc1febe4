package cn.zs.civil.placename;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Completes the pinyin of register entries imported without it (the seeded extract), once at start-up. */
@Component
class PlacenameRegisterStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlacenameRegisterStartup.class);

    private final PlacenameService placenames;

    PlacenameRegisterStartup(PlacenameService placenames) {
        this.placenames = placenames;
    }

    @Override
    public void run(ApplicationArguments args) {
        int completed = placenames.completePinyin();
        if (completed > 0) {
            log.info("Computed the pinyin of {} place name(s) in the register", completed);
        }
    }
}
