package cn.zs.civil.marriage;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the configured qualifications ({@code platform.marriage.registrar-seed}) at start, before the demo data's
 * cases (demo.DemoCases, phase {@code DEFAULT_PHASE - 4096}) are worked by the demo registrars.
 */
@Component
class RegistrarQualificationSeed implements SmartLifecycle {

    private final RegistrarQualifications qualifications;
    private final RegistrarQualificationProperties properties;
    private volatile boolean running;

    RegistrarQualificationSeed(RegistrarQualifications qualifications, RegistrarQualificationProperties properties) {
        this.qualifications = qualifications;
        this.properties = properties;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    @Override
    public void start() {
        running = true;
        if (properties.enabled()) {
            qualifications.seed(properties.qualifications());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
