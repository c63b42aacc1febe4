#!/usr/bin/env python3
"""Static check of the deployment files (CI has no Docker engine): parses docker/compose.yaml, the Dockerfile,
nginx.conf and the realm, and asserts what the deployment relies on. With a Docker client that has the compose
plugin it also runs `docker compose config`. Exits non-zero with one line per problem."""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


# --- compose.yaml -------------------------------------------------------------------------------------------------
compose = yaml.safe_load(read("compose.yaml"))
services = compose.get("services", {})
for name in ("mysql", "keycloak", "app1", "app2", "nginx"):
    if check(name in services, f"compose: service {name} missing"):
        check("healthcheck" in services[name], f"compose: {name} has no healthcheck")

secret = re.compile(r"PASSWORD|SECRET|HASH_KEY|ENCRYPTION_KEYS|AUDIT_KEYS")
reference = re.compile(r"^\$\{[A-Z_]+(:\?[^}]*)?\}$")
for name, service in services.items():
    env = service.get("environment", {}) or {}
    check(isinstance(env, dict), f"compose: {name}: environment must be a map")
    for key, value in env.items():
        if secret.search(key):
            check(isinstance(value, str) and reference.match(value),
                  f"compose: {name}: {key} must come from the environment without a default, not {value!r}")

mysql = services.get("mysql", {})
# MySQL 8.0, not 8.4 LTS: the newest MySQL that Camunda 7.24 lists as supported (README, "Operations").
check(str(mysql.get("image", "")).startswith("mysql:8.0"), "compose: mysql must be MySQL 8.0")
check("--character-set-server=utf8mb4" in mysql.get("command", []), "compose: mysql must default to utf8mb4")
check(any("init" in v and "docker-entrypoint-initdb.d" in v for v in mysql.get("volumes", [])),
      "compose: mysql needs the init script that creates the databases and users")
init = read("mysql/init.sh")
for database in ("civil_approval", "keycloak"):
    check(f"CREATE DATABASE IF NOT EXISTS {database} CHARACTER SET utf8mb4" in init,
          f"mysql/init.sh: database {database} (utf8mb4) missing")

keycloak = services.get("keycloak", {})
check(re.match(r"quay.io/keycloak/keycloak:26\.", str(keycloak.get("image", ""))), "compose: Keycloak 26 expected")
check("--import-realm" in keycloak.get("command", []), "compose: keycloak must import the realm")
check(any(v.startswith("./keycloak/zhongshan-civil.json:/opt/keycloak/data/import/") for v in keycloak.get("volumes", [])),
      "compose: the realm file must be mounted into /opt/keycloak/data/import")

for name in ("app1", "app2"):
    app = services.get(name, {})
    env = app.get("environment", {}) or {}
    profiles = set(str(env.get("SPRING_PROFILES_ACTIVE", "")).split(","))
    check({"mysql", "keycloak"} <= profiles, f"compose: {name} must run with the profiles mysql,keycloak")
    for key in ("DB_URL", "DB_USER", "DB_PASSWORD", "KEYCLOAK_ISSUER_URI", "KEYCLOAK_BACKCHANNEL_URI",
                "KEYCLOAK_CLIENT_SECRET", "PLATFORM_HASH_KEY", "DATA_ENCRYPTION_KEYS"):
        check(key in env, f"compose: {name} lacks {key}")
    check("sendFractionalSeconds=false" in str(env.get("DB_URL", "")), f"compose: {name}: DB_URL needs sendFractionalSeconds=false")
    check("mysql:3306/civil_approval" in str(env.get("DB_URL", "")), f"compose: {name} must use the shared database")
    check(app.get("build", {}).get("dockerfile") == "docker/Dockerfile", f"compose: {name} must build docker/Dockerfile")
check(services.get("app1", {}).get("environment") == services.get("app2", {}).get("environment"),
      "compose: the replicas must be configured alike")
check("app1" in (services.get("app2", {}).get("depends_on") or {}),
      "compose: app2 must wait for app1 (schema creation on an empty database)")

# --- nginx.conf ---------------------------------------------------------------------------------------------------
nginx = read("nginx.conf")
upstream = re.search(r"upstream\s+(\w+)\s*\{([^}]*)\}", nginx)
if check(upstream, "nginx.conf: no upstream"):
    servers = re.findall(r"server\s+([\w.-]+):8080", upstream.group(2))
    check(sorted(servers) == ["app1", "app2"], f"nginx.conf: upstream must list app1 and app2, has {servers}")
    check(not re.search(r"\b(ip_hash|hash|least_conn|sticky)\b", upstream.group(2)),
          "nginx.conf: round robin expected (sessions are shared)")
    check(f"proxy_pass http://{upstream.group(1)};" in nginx, "nginx.conf: proxy_pass to the upstream missing")
for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port"):
    check(re.search(rf"proxy_set_header\s+{header}\s", nginx), f"nginx.conf: proxy header {header} missing")
check(any(v.startswith("./nginx.conf:") for v in services.get("nginx", {}).get("volumes", [])),
      "compose: nginx must use docker/nginx.conf")

# --- Dockerfile ---------------------------------------------------------------------------------------------------
dockerfile = [l.strip() for l in read("Dockerfile").splitlines() if l.strip() and not l.strip().startswith("#")]
froms = [l.split()[1] for l in dockerfile if l.upper().startswith("FROM ")]
check(len(froms) >= 2, "Dockerfile: multi-stage build expected")
check(any("17" in f and ("maven" in f or "jdk" in f) for f in froms[:-1]), "Dockerfile: build on a JDK 17 image")
check(any(f.startswith("node:22") for f in froms[:-1]), "Dockerfile: the web UI built with Node 22 (LTS)")
check(froms and re.search(r"17.*jre|jre.*17", froms[-1]), "Dockerfile: run on a JRE 17 image")
users = [l.split()[1] for l in dockerfile if l.upper().startswith("USER ")]
check(users and users[-1].split(":")[0] not in ("root", "0"), "Dockerfile: must run as a non-root user")
check(any(l.upper().startswith("HEALTHCHECK") and "/actuator/health" in l for l in read("Dockerfile").replace("\\\n", " ").splitlines()),
      "Dockerfile: HEALTHCHECK on /actuator/health missing")
check(any(l.upper().startswith("ENTRYPOINT") for l in dockerfile), "Dockerfile: ENTRYPOINT missing")
app_env = services.get("app1", {}).get("environment", {}) or {}
check("AUDIT_KEYS" in app_env, "compose: the app needs AUDIT_KEYS (the audit chain's key, from the environment)")
check(str(app_env.get("AUDIT_CHECKPOINT_FILE", "")).startswith("/app/audit/"),
      "compose: the audit checkpoints belong on the app-audit volume (/app/audit/)")
nginx_address = (services.get("nginx", {}).get("networks", {}) or {}).get("default", {}).get("ipv4_address", "")
proxies = str(app_env.get("TRUSTED_PROXIES", ""))
check(nginx_address and re.fullmatch(proxies, nginx_address) and not re.fullmatch(proxies, "172.30.0.11"),
      "compose: TRUSTED_PROXIES must name nginx's fixed address and nothing else")
# An OutOfMemoryError must end the JVM so the orchestrator restarts it, with a heap dump where the operator keeps it.
for where, text in (("Dockerfile", read("Dockerfile")), ("compose app", str(services.get("app1", {}).get("environment", {})))):
    for flag in ("-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath="):
        check(flag in text, f"{where}: JVM option {flag} missing")
for line in dockerfile:
    if line.upper().startswith("COPY ") and "--from" not in line:
        for source in line.split()[1:-1]:
            check(os.path.exists(os.path.join(ROOT, source)), f"Dockerfile: COPY source {source} does not exist")

# --- the realm ----------------------------------------------------------------------------------------------------
realm = json.loads(read("keycloak/zhongshan-civil.json"))
check(realm.get("realm") == "zhongshan-civil", "realm: name zhongshan-civil expected")
roles = {r["name"] for r in realm.get("roles", {}).get("realm", [])}
check(roles >= {"applicant", "clerk", "chief", "director", "manager", "admin"}, f"realm: roles {roles}")
groups = {g["name"]: {s["name"] for s in g.get("subGroups", [])} for g in realm.get("groups", [])}
check(groups.get("queues", set()) >= {"funeral-review", "funeral-home", "marriage-registrar", "socialorg-review",
                                      "placename-review", "section-chief", "director"}, "realm: queue groups missing")
with open(os.path.join(ROOT, "backend/src/main/resources/application.yml"), encoding="utf-8") as f:
    identity = yaml.safe_load(f)["platform"]["identity"]
codes = {d["code"] for d in identity["districts"]}
check(len(codes) == 23 and groups.get("districts", set()) == codes | {"all"},
      "realm: /districts/<code> for every district of application.yml and /districts/all")
clients = {c["clientId"]: c for c in realm.get("clients", [])}
web, api = clients.get("civil-web", {}), clients.get("civil-api", {})
check(web.get("standardFlowEnabled") and not web.get("publicClient") and not web.get("directAccessGrantsEnabled"),
      "realm: civil-web must be a confidential authorization-code client")
check(any(u.endswith("/login/oauth2/code/keycloak") for u in web.get("redirectUris", [])),
      "realm: civil-web must redirect to /login/oauth2/code/keycloak")
check(not api.get("publicClient"), "realm: civil-api must be confidential")
for client in (web, api):
    check(not client.get("directAccessGrantsEnabled"), f"realm: {client.get('clientId')} must not allow the password grant")
    check(client.get("attributes", {}).get("pkce.code.challenge.method") == "S256",
          f"realm: {client.get('clientId')} must require PKCE (S256)")
policy = dict(re.findall(r"(\w+)(?:\((\w*)\))?", realm.get("passwordPolicy", "")))
check(int(policy.get("length") or 0) >= 12 and {"digits", "upperCase", "lowerCase", "notUsername", "passwordHistory"} <= set(policy),
      f"realm: a password policy of at least 12 characters with digits, mixed case, not the username, a history expected")
check(realm.get("bruteForceProtected") is True, "realm: brute-force protection expected")
# A lock that ends by itself after a few guesses, growing with more, and a machine's rapid guesses locked at once.
check(realm.get("permanentLockout") is False and 3 <= int(realm.get("failureFactor", 30)) <= 10
      and int(realm.get("waitIncrementSeconds", 0)) >= 60 and int(realm.get("maxFailureWaitSeconds", 0)) >= 900
      and int(realm.get("quickLoginCheckMilliSeconds", 0)) >= 1000
      and int(realm.get("minimumQuickLoginWaitSeconds", 0)) >= 60,
      "realm: brute-force protection: a temporary lock after 3 to 10 failures, at least 60 s growing to 15 min")
for client in (web, api):
    claims = {m.get("config", {}).get("claim.name") for m in client.get("protocolMappers", [])}
    check({"roles", "groups"} <= claims, f"realm: {client.get('clientId')} must map roles and groups into tokens")
    check(str(client.get("secret", "")).startswith("${"), f"realm: {client.get('clientId')} secret must be a placeholder")
check(not realm.get("users"), "realm: the realm compose imports must hold no users (demo users: keycloak/demo-users.json)")
users = {u["username"]: u for u in json.loads(read("keycloak/demo-users.json")).get("users", [])}
for account in identity["accounts"]:
    user = users.get(account["username"])
    if check(user, f"realm: demo user {account['username']} missing"):
        check(sorted(user.get("realmRoles", [])) == sorted(account.get("roles", [])), f"realm: {account['username']} roles")

demo = services.get("keycloak-demo-users", {})
check(demo.get("profiles") == ["demo"], "compose: the demo users come only with the profile demo")
check(any(v.startswith("./keycloak/demo-users.json:") for v in demo.get("volumes", [])),
      "compose: the demo profile must import keycloak/demo-users.json")
check(not any("demo-users" in str(v) for n, svc in services.items() if n != "keycloak-demo-users"
              for v in svc.get("volumes", []) or []), "compose: only the demo profile may mount the demo users")

# --- memory limits: every service, the JVM's heap a share of its container's limit -----------------------------------
for name, service in services.items():
    check(service.get("mem_limit") or service.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory"),
          f"compose: {name} has no memory limit")
check("MaxRAMPercentage" in str(services.get("app1", {}).get("environment", {}).get("JAVA_TOOL_OPTIONS", "")),
      "compose: the app's heap must follow its container's memory limit (-XX:MaxRAMPercentage)")

# --- the Grafana dashboard: valid, and every platform metric it shows is one the application exports --------------
dashboard = json.loads(read("grafana/civil-approval.json"))
exported = set()
for source in ("operations/OperationsMetrics.java", "outbox/OutboxDispatcher.java", "outbox/OutboxMessages.java"):
    with open(os.path.join(ROOT, "backend/src/main/java/cn/zs/civil", source), encoding="utf-8") as f:
        exported |= {m.replace(".", "_") for m in re.findall(r'"(civil\.[a-z.]+)"', f.read())}
shown = set()
for panel in dashboard.get("panels", []):
    for target in panel.get("targets", []):
        shown |= {re.sub(r"_total$", "", m) for m in re.findall(r"\bcivil_[a-z_]+", target.get("expr", ""))}
check(shown and shown <= exported, f"grafana: unknown platform metrics {sorted(shown - exported)}")
check(exported <= shown, f"grafana: exported metrics not on the dashboard {sorted(exported - shown)}")

# --- docker compose config, where the client has the plugin ---------------------------------------------------------
docker = shutil.which("docker")
compose_checked = False
if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
    env = dict(os.environ, **{k: "x" for k in ("MYSQL_ROOT_PASSWORD", "DB_PASSWORD", "KC_DB_PASSWORD",
                                             "KEYCLOAK_ADMIN_PASSWORD", "KEYCLOAK_CLIENT_SECRET",
                                             "KEYCLOAK_API_CLIENT_SECRET", "PLATFORM_HASH_KEY",
                                             "DATA_ENCRYPTION_KEYS")})
    result = subprocess.run([docker, "compose", "-f", os.path.join(HERE, "compose.yaml"), "config", "-q"],
                            capture_output=True, text=True, env=env)
    check(result.returncode == 0, "docker compose config: " + result.stderr.strip())
    compose_checked = True

for p in problems:
    print("docker check: " + p)
print(f"docker check: {'FAILED' if problems else 'ok'} ({len(problems)} problems; "
      f"docker compose config {'ran' if compose_checked else 'not available, YAML parsed by python'})")
sys.exit(1 if problems else 0)
