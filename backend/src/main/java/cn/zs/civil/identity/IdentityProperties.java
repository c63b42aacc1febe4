package cn.zs.civil.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts of the embedded mode and the districts of the city. In the Keycloak mode the realm holds the accounts;
 * the districts stay here because tasks and cases are scoped by them in both modes.
 */
@ConfigurationProperties("platform.identity")
public final class IdentityProperties {

    private final List<DemoAccount> accounts;
    private final List<District> districts;
    /**
     * The accounts by user name, built once: {@link #displayName} and {@link #account} are asked on every request, and
     * a bench or a demo can have thousands of accounts (found by a scan, they were the first platform frame of a
     * booking burst's profile).
     */
    private final Map<String, DemoAccount> byUsername;
    private final Map<String, District> districtsByCode;

    public IdentityProperties(List<DemoAccount> accounts, List<District> districts) {
        this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
        this.districts = districts == null ? List.of() : List.copyOf(districts);
        this.byUsername = this.accounts.stream()
                .collect(Collectors.toMap(DemoAccount::username, Function.identity(), (a, b) -> a));
        this.districtsByCode = this.districts.stream()
                .collect(Collectors.toUnmodifiableMap(District::code, Function.identity()));
    }

    public List<DemoAccount> accounts() {
        return accounts;
    }

    public List<District> districts() {
        return districts;
    }

    /**
     * @param email the account's e-mail address, where notifications by e-mail go (its one home in the embedded mode)
     * @param phone the account's mobile number, for text messages that belong to no case (a case's own contact number,
     *            in its form, comes first for the case's messages)
     */
    public record DemoAccount(String username, String password, String name, List<String> roles, List<String> groups,
            List<String> districts, String email, String phone) {

        public DemoAccount {
            roles = roles == null ? List.of() : List.copyOf(roles);
            groups = groups == null ? List.of() : List.copyOf(groups);
            districts = districts == null ? List.of() : List.copyOf(districts);
        }
    }

    /** A town or street (镇街) of the city: code, Chinese and English name. */
    public record District(String code, String name, String en) {
    }

    public String displayName(String username) {
        DemoAccount account = username == null ? null : byUsername.get(username);
        return account == null ? username : account.name();
    }

    /** The account's contact details (e-mail, mobile number) as its record holds them; empty if it has none. */
    public java.util.Optional<DemoAccount> account(String username) {
        return java.util.Optional.ofNullable(username == null ? null : byUsername.get(username));
    }

    public Map<String, District> districtsByCode() {
        return districtsByCode;
    }
}
