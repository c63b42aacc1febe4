package cn.zs.civil.marriage;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the configured qualifications ({@code platform.marriage.registrar-seed}) at start, before the demo data's
 * cases (demo.DemoCases, phase {@code DEFAULT_PHASE - 4096}) or the bureau's year are worked by the demo registrars.
 */
@Component
class RegistrarQualificationSeed implements SmartLifecycle {

    private final RegistrarQualifications qualifications;
    private final RegistrarQualificationProperties properties;
    /** The bureau's year (demo.BureauYear) runs without the demo data, its cases worked by the demo registrars. */
    private final boolean bureauYear;
    private volatile boolean running;

    RegistrarQualificationSeed(RegistrarQualifications qualifications, RegistrarQualificationProperties properties,
            org.springframework.core.env.Environment environment) {
        this.qualifications = qualifications;
        this.properties = properties;
        this.bureauYear = environment.containsProperty("platform.demo.bureau-year");
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    @Override
    public void start() {
        running = true;
        if (properties.enabled() || bureauYear) {
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
