package cn.zs.civil.identity;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.springframework.web.util.UriUtils;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The routes of Camunda's REST API (the engine REST API at {@code /engine-rest} and the same API under Cockpit's
 * {@code /camunda/api/engine}), read from the JAX-RS annotations of its resource classes, and which of them stay
 * open to administrators. Reading stays open: GET, HEAD, OPTIONS and the POST queries ({@code query*} methods).
 * Of the changing routes only those that operate jobs and incidents stay open ({@link #OPERATIONS}); every other
 * one (completing, claiming or creating tasks, writing variables, starting, modifying, migrating, restarting,
 * suspending or deleting instances, correlating messages and signals, evaluating decisions, deployments, history
 * deletion, identity and authorizations) is refused for everyone, administrators included: a case is decided only
 * through the platform's own checks and audit. A route Camunda adds in a later version is refused until it is
 * listed here.
 */
public final class EngineRoutes {

    /**
     * Operating jobs and incidents: retrying a failed job (it runs when it is due, as it would have), suspending
     * and prioritising jobs, annotating and resolving incidents. Executing a job now or moving its due date is
     * not here: a timer fired early moves a statutory clock (deemed acceptance, the divorce cooling-off period).
     */
    public static final Set<String> OPERATIONS = Set.of(
            "JobResource#setJobRetries", "JobResource#updateSuspensionState", "JobResource#setJobPriority",
            "JobRestService#setRetries", "JobRestService#updateSuspensionState",
            "JobDefinitionResource#setJobRetries", "JobDefinitionResource#updateSuspensionState",
            "JobDefinitionResource#setJobPriority", "JobDefinitionRestService#updateSuspensionState",
            "ProcessInstanceRestService#setRetriesByProcess",
            "ProcessInstanceRestService#setRetriesByProcessHistoricQueryBased",
            "ExternalTaskResource#setRetries", "ExternalTaskResource#setPriority", "ExternalTaskRestService#setRetries",
            "ExternalTaskRestService#setRetriesAsync",
            "IncidentResource#setAnnotation", "IncidentResource#clearAnnotation", "IncidentResource#resolveIncident",
            "UserOperationLogRestService#setAnnotation", "UserOperationLogRestService#clearAnnotation");

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** One route: its HTTP method, its template relative to the engine, and the resource method behind it. */
    public record Route(String method, String template, String resource, Pattern pattern) {

        public boolean reads() {
            return READ_METHODS.contains(method) || resource.substring(resource.indexOf('#') + 1).startsWith("query");
        }

        public boolean operates() {
            return OPERATIONS.contains(resource);
        }

        public boolean allowed() {
            return reads() || operates();
        }
    }

    private static final Pattern PREFIX = Pattern.compile("^/(?:engine-rest|camunda/api/engine)(?:/engine/[^/]+)?(?=/|$)");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}]+}");

    private static final List<Route> ROUTES = Collections.unmodifiableList(walk());

    private EngineRoutes() {
    }

    public static List<Route> all() {
        return ROUTES;
    }

    /**
     * Whether a request to the engine's API (path without the context path) may go on. Reads always may; a change
     * only when every route it can reach is an allowed one (a path no route knows is refused).
     */
    public static boolean allows(String method, String path) {
        if (READ_METHODS.contains(method)) {
            return true;
        }
        String relative = relative(path);
        if (relative == null) {
            return true;
        }
        boolean matched = false;
        for (Route route : ROUTES) {
            if (route.method().equals(method) && route.pattern().matcher(relative).matches()) {
                if (!route.allowed()) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** The path inside the engine's API, decoded as Jersey will decode it, or null for another part of /camunda. */
    static String relative(String path) {
        String decoded = UriUtils.decode(path.replaceAll("/{2,}", "/"), StandardCharsets.UTF_8);
        Matcher prefix = PREFIX.matcher(decoded);
        if (!prefix.find()) {
            return null;
        }
        String rest = decoded.substring(prefix.end());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    private static List<Route> walk() {
        List<Route> routes = new ArrayList<>();
        walk(DefaultProcessEngineRestServiceImpl.class, "", routes, 0);
        return routes;
    }

    private static void walk(Class<?> type, String prefix, List<Route> routes, int depth) {
        if (depth > 10) {
            return;
        }
        for (Method m : type.getMethods()) {
            Path path = m.getAnnotation(Path.class);
            String template = prefix + (path == null ? "" : path.value());
            String http = httpMethod(m);
            if (http != null) {
                routes.add(new Route(http, template, m.getDeclaringClass().getSimpleName() + "#" + m.getName(),
                        pattern(template)));
            } else if (path != null) {
                walk(m.getReturnType(), template, routes, depth + 1);
            }
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("[^/]+");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
