package cn.zs.civil.registry;

/** A registry did not answer: the step is retried by the engine and the case waits, visibly; it is never decided. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String registry, Throwable cause) {
        super("Registry unavailable: " + registry, cause);
    }
}
