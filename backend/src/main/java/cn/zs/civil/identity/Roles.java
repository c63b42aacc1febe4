package cn.zs.civil.identity;

/** The six roles; the same names in the embedded accounts and in the Keycloak realm. */
public final class Roles {

    public static final String APPLICANT = "applicant";
    public static final String CLERK = "clerk";
    public static final String CHIEF = "chief";
    public static final String DIRECTOR = "director";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    /** Expressions for {@code @PreAuthorize}, so every endpoint states who may call it in one readable line. */
    public static final String ANY_USER = "isAuthenticated()";
    public static final String STAFF = "hasAnyRole('clerk','chief','director')";
    public static final String APPLICANT_OR_STAFF = "hasAnyRole('applicant','clerk','chief','director')";
    public static final String ONLY_APPLICANT = "hasRole('applicant')";
    public static final String ONLY_ADMIN = "hasRole('admin')";
    public static final String MANAGEMENT = "hasAnyRole('manager','director')";
    public static final String PUBLIC = "permitAll()";

    private Roles() {
    }
}
