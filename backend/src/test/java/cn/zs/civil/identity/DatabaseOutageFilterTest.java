package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A session store that cannot reach the database, outside Spring MVC: 503 problem with Retry-After, not a bare 500. */
class DatabaseOutageFilterTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(
            // no audit log: a 503 is not a refusal and writes no audit entry
            new ProblemWriter(new ObjectMapper(), messages, new AcceptHeaderLocaleResolver(), null), 10);

    DatabaseOutageFilterTest() {
        messages.addMessage("problem.unavailable", Locale.getDefault(), "try again shortly");
    }

    @Test
    void aSessionLookupWithoutDatabaseAnswers503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/me"), response, (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("problem.unavailable").doesNotContain("Exception");
    }

    @Test
    void anAccountLookupWithoutDatabaseIsA503NotA401() throws Exception {
        // HTTP Basic under a burst: the sign-in throttle's look-up got no connection in time. Spring Security hands
        // that to the entry point as an authentication failure; the caller's credentials were fine.
        ProblemWriter problems = new ProblemWriter(new ObjectMapper(), messages, new AcceptHeaderLocaleResolver(), null);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/appointments");
        filter.doFilter(request, response, (req, res) -> problems.entryPoint("Basic").commence(request, response,
                new org.springframework.security.authentication.InternalAuthenticationServiceException("lookup",
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection is not available"))));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();

        MockHttpServletResponse wrongPassword = new MockHttpServletResponse();
        problems.entryPoint("Basic").commence(request, wrongPassword,
                new org.springframework.security.authentication.BadCredentialsException("bad"));
        assertThat(wrongPassword.getStatus()).isEqualTo(401);
    }

    @Test
    void otherFailuresPassThrough() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/me"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
