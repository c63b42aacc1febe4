package cn.zs.civil.web;

import java.lang.reflect.Method;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The API's published contract at {@code /v3/api-docs}: a title and version, the ways to sign in, an operation id
 * per operation that does not change with the order Spring finds the controllers in ({@code <feature><Method>}),
 * and the RFC 7807 problems every operation can answer with (ProblemAdvice writes them): 400 and 422 where there is
 * input, 401 and 403 where a sign-in is needed, 404 where a path names something, 409 where something changes, 503
 * while the database is away. Checked by OpenApiContractIT and by Redocly's recommended rules (.ci/openapi-lint.sh).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

    static final String PROBLEM = "Problem";
    /** Paths anyone may call (SecurityConfig): the public tracking and the service catalogue. */
    private static final List<String> PUBLIC = List.of("/api/public/**", "/api/services", "/api/services/**");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Bean
    OpenAPI civilApprovalOpenApi(@Value("${platform.api.version:2026.1}") String version) {
        return new OpenAPI()
                .info(new Info().title("中山市民政局 政务审批平台 API (Zhongshan civil-affairs approval platform)")
                        .version(version)
                        .description("Applications, attachments, tracking, work queues, reports and the services' "
                                + "own steps. Errors are RFC 7807 problem documents (application/problem+json) in the "
                                + "caller's language (Accept-Language zh-CN or en), with one entry per field in "
                                + "`errors` when input is refused.")
                        .contact(new Contact().name("中山市民政局 信息化科"))
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("this deployment")))
                .components(new Components()
                        .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Embedded mode only: the demo accounts (README)."))
                        .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Keycloak access token of the realm zhongshan-civil, audience "
                                        + "civil-approval (client civil-api)."))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION")
                                .description("Browsers: the session after sign-in; changes need the CSRF token "
                                        + "(cookie XSRF-TOKEN, header X-XSRF-TOKEN)."))
                        .addSchemas(PROBLEM, problemSchema()))
                .security(List.of(new SecurityRequirement().addList("bearerAuth"),
                        new SecurityRequirement().addList("session"), new SecurityRequirement().addList("basicAuth")));
    }

    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the input's name, e.g. data.deceasedIdNumber"))
                .addProperty("label", new StringSchema().description("the field's label in the caller's language"))
                .addProperty("code", new StringSchema().description("the rule broken, e.g. form.required"))
                .addProperty("message", new StringSchema().description("what is wrong, in the caller's language"));
        return new ObjectSchema().description("RFC 7807 problem document")
                .addProperty("type", new StringSchema().format("uri").example("urn:civil-approval:problem:problem.validation"))
                .addProperty("title", new StringSchema().example("请求内容有误"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("提交的内容有误，请按提示修改。"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema().description("stable code of the problem").example("problem.validation"))
                .addProperty("errors", new ArraySchema().items(field).description("one entry per refused field"))
                .required(List.of("type", "title", "status"));
    }

    @Bean
    OperationCustomizer problemsAndOperationIds() {
        return (Operation operation, HandlerMethod handler) -> {
            Method method = handler.getMethod();
            String feature = handler.getBeanType().getSimpleName().replace("Controller", "");
            operation.setOperationId(Character.toLowerCase(feature.charAt(0)) + feature.substring(1)
                    + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            boolean reads = method.isAnnotationPresent(GetMapping.class) || isGet(method);
            boolean input = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            boolean names = java.util.Arrays.stream(method.getParameters())
                    .anyMatch(p -> p.isAnnotationPresent(PathVariable.class));
            if (input) {
                problem(responses, HttpStatus.BAD_REQUEST, "The request cannot be read (malformed JSON, a wrong type).");
                problem(responses, HttpStatus.UNPROCESSABLE_ENTITY, "Input refused, field by field (errors); nothing changed.");
            }
            problem(responses, HttpStatus.UNAUTHORIZED, "Not signed in.");
            problem(responses, HttpStatus.FORBIDDEN, "Signed in, but not allowed (role, district or queue).");
            if (names) {
                problem(responses, HttpStatus.NOT_FOUND, "Nothing by that name the caller may see.");
            }
            if (!reads) {
                problem(responses, HttpStatus.CONFLICT, "The case or task is not in a state that allows this, or "
                        + "someone else changed it first.");
            }
            problem(responses, HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached; try again after "
                    + "Retry-After seconds.");
            operation.setResponses(responses);
            return operation;
        };
    }

    /** Public operations need no sign-in: no security requirement and no 401/403. */
    @Bean
    OpenApiCustomizer publicOperations() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (PUBLIC.stream().anyMatch(p -> PATHS.match(p, path))) {
                item.readOperations().forEach(operation -> {
                    operation.setSecurity(List.of());
                    operation.getResponses().remove("401");
                    operation.getResponses().remove("403");
                });
            }
        });
    }

    private static boolean isGet(Method method) {
        RequestMapping mapping = method.getAnnotation(RequestMapping.class);
        return mapping != null && List.of(mapping.method()).contains(org.springframework.web.bind.annotation.RequestMethod.GET)
                && !method.isAnnotationPresent(DeleteMapping.class);
    }

    private static void problem(ApiResponses responses, HttpStatus status, String description) {
        String code = Integer.toString(status.value());
        if (responses.containsKey(code)) {
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
