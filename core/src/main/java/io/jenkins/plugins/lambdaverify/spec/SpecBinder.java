package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Binds a {@link Node} tree to a {@link VerifySpec}, collecting every problem (not just the first) with the place
 * it was written, the offending value and what to write instead. The accepted keys are documented in
 * {@code docs/config-reference.md} and {@code docs/lambda-verify.schema.json}.
 */
final class SpecBinder {
    static final Set<String> ROOT_KEYS = Set.of("version", "target", "execution", "phases", "checks", "logScan",
            "rollback");
    static final Set<String> TARGET_KEYS = Set.of("mode", "function", "qualifier", "alias", "region", "endpointUrl",
            "baseUrl", "eventFormat", "stack", "logicalId", "namePrefix", "nameRegex", "profile", "template", "artifact",
            "handler", "runtime");
    static final Set<String> EXECUTION_KEYS = Set.of("concurrency", "timeout", "deadline", "stopOnFailure");
    static final Set<String> PHASE_KEYS = Set.of("name", "expect", "checks", "timeout");
    static final Set<String> CHECK_KEYS = Set.of("name", "request", "expect", "timeout");
    static final Set<String> REQUEST_KEYS = Set.of("method", "path", "headers", "query", "body", "base64Body", "json");
    static final Set<String> EXPECT_KEYS = Set.of("status", "headers", "json", "bodyContains", "maxLatency");
    static final Set<String> HEADER_OPS = Set.of("equals", "matches", "present");
    static final Set<String> JSON_OPS = Set.of("equals", "contains", "matches", "exists");
    static final Set<String> LOG_SCAN_KEYS = Set.of("enabled", "defaults", "patterns", "ignore", "settle",
            "quietPeriod", "logGroup", "required");
    static final Set<String> LOG_PATTERN_KEYS = Set.of("name", "regex", "threshold");
    static final Set<String> ROLLBACK_KEYS = Set.of("strategy", "previousVersion", "previousReport", "dryRun",
            "reverify", "timeout", "sam", "command");
    static final Set<String> SAM_KEYS = Set.of("templateFile", "stackName", "region", "capabilities",
            "parameterOverrides", "s3Bucket", "extraArgs");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private static final Pattern SHORTHAND = Pattern.compile("^([A-Za-z]+)\\s+(\\S+)$");
    private static final Pattern SHORTHAND_WITH_STATUS = Pattern.compile("^([A-Za-z]+\\s+\\S+):\\s+(.+)$");
    private static final Pattern STATUS_CLASS = Pattern.compile("^([1-5])xx$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_5XX = Pattern.compile("^(not[ -]?5xx|!5xx|any[ -]non[ -]?5xx)$",
            Pattern.CASE_INSENSITIVE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<SpecProblem> problems = new ArrayList<>();
    private final String source;

    SpecBinder(String source) {
        this.source = source;
    }

    VerifySpec bind(Node root) {
        if (root == null) {
            throw new SpecException(new SourceLocation(source, 1, 1),
                    "the config is empty: add 'phases:' with at least one check (see docs/config-reference.md)");
        }
        Node.MapNode map = asMap(root, "the config");
        if (map == null) {
            throw new SpecException(problems);
        }
        knownKeys(map, ROOT_KEYS, "at the top level");
        Node.Entry version = map.entries().get("version");
        if (version != null) {
            Integer v = integer(version.value(), "version");
            if (v != null && v != 1) {
                problem(version.value(), "version " + v + " is not supported: this lambda-verify reads version 1");
            }
        }
        TargetSpec target = map.entries().containsKey("target") ? target(map.entries().get("target").value())
                : TargetSpec.empty();
        ExecutionSpec execution = map.entries().containsKey("execution")
                ? execution(map.entries().get("execution").value()) : ExecutionSpec.defaults();
        LogScanSpec logScan = map.entries().containsKey("logScan") ? logScan(map.entries().get("logScan").value())
                : LogScanSpec.defaults();
        RollbackSpec rollback = map.entries().containsKey("rollback")
                ? rollback(map.entries().get("rollback").value()) : RollbackSpec.none();
        List<PhaseSpec> phases = phases(map);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new VerifySpec(target, execution, phases, logScan, rollback, source);
    }

    /** Only the phases of a tree (Jenkins' inline {@code phases} parameter). */
    List<PhaseSpec> bindPhases(Node phasesNode) {
        List<PhaseSpec> phases = phaseList(phasesNode);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return phases;
    }

    // ---------------------------------------------------------------- target, execution, log scan

    private TargetSpec target(Node node) {
        Node.MapNode m = asMap(node, "target");
        if (m == null) {
            return TargetSpec.empty();
        }
        knownKeys(m, TARGET_KEYS, "in target");
        Mode mode = null;
        String modeText = string(m, "mode");
        if (modeText != null) {
            mode = Mode.fromId(modeText);
            if (mode == null) {
                problem(m.entries().get("mode").value(), "mode '" + modeText + "' is not one of lambda, http, local"
                        + Suggestions.didYouMean(modeText, List.of("lambda", "http", "local")));
            }
        }
        EventFormat format = null;
        String formatText = string(m, "eventFormat");
        if (formatText != null) {
            format = EventFormat.fromId(formatText);
            if (format == null) {
                List<String> ids = java.util.Arrays.stream(EventFormat.values()).map(EventFormat::id).toList();
                problem(m.entries().get("eventFormat").value(), "eventFormat '" + formatText + "' is not one of "
                        + String.join(", ", ids) + Suggestions.didYouMean(formatText, ids));
            }
        }
        String qualifier = string(m, "qualifier");
        String alias = string(m, "alias");
        if (qualifier != null && alias != null) {
            problem(m.entries().get("alias").value(), "give either qualifier or alias, not both");
        }
        String endpointUrl = url(m, "endpointUrl");
        String baseUrl = url(m, "baseUrl");
        String nameRegex = nameRegex(m, mode);
        return new TargetSpec(mode, string(m, "function"), qualifier != null ? qualifier : alias, string(m, "region"),
                endpointUrl, baseUrl, format, string(m, "stack"), string(m, "logicalId"), string(m, "namePrefix"),
                nameRegex, string(m, "profile"), string(m, "template"), string(m, "artifact"), string(m, "handler"),
                string(m, "runtime"));
    }

    /** {@code target.nameRegex}: a valid regex, and the only way the file names the function. */
    private String nameRegex(Node.MapNode m, Mode mode) {
        Node.Entry e = m.entries().get("nameRegex");
        if (e == null) {
            return null;
        }
        String regex = scalarText(e.value(), "nameRegex");
        if (regex == null) {
            return null;
        }
        if (regex.isBlank()) {
            problem(e.value(), "nameRegex is empty: write a Java regex found in the function name, e.g. "
                    + "^orders-api-ApiFunction-");
            return null;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException ex) {
            problem(e.value(), "nameRegex '" + regex + "' is not a valid regular expression (" + ex.getDescription()
                    + (ex.getIndex() >= 0 ? " at index " + ex.getIndex() : "") + "): write a Java regex found in the "
                    + "function name, e.g. ^orders-api-ApiFunction- (escape a literal . ( [ { * + ? with \\)");
            return null;
        }
        List<String> others = java.util.stream.Stream.of("function", "stack", "logicalId", "namePrefix")
                .filter(k -> m.entries().containsKey(k)).toList();
        if (!others.isEmpty() && (mode == null || mode == Mode.LAMBDA)) {
            problem(e.value(), "nameRegex and " + String.join(", ", others) + " both name the function: keep only "
                    + "one way to find it");
        }
        return regex;
    }

    private String url(Node.MapNode m, String key) {
        String text = string(m, key);
        if (text == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                problem(m.entries().get(key).value(), key + " '" + text
                        + "' is not an http(s) URL: write it like http://127.0.0.1:3001");
            }
        } catch (java.net.URISyntaxException e) {
            problem(m.entries().get(key).value(), key + " '" + text + "' is not a URL: " + e.getReason());
        }
        return text;
    }

    private ExecutionSpec execution(Node node) {
        Node.MapNode m = asMap(node, "execution");
        if (m == null) {
            return ExecutionSpec.defaults();
        }
        knownKeys(m, EXECUTION_KEYS, "in execution");
        int concurrency = ExecutionSpec.DEFAULT_CONCURRENCY;
        if (m.entries().containsKey("concurrency")) {
            Integer c = integer(m.entries().get("concurrency").value(), "concurrency");
            if (c != null && (c < 1 || c > 256)) {
                problem(m.entries().get("concurrency").value(), "concurrency " + c + " must be between 1 and 256");
            } else if (c != null) {
                concurrency = c;
            }
        }
        Duration timeout = duration(m, "timeout");
        Duration deadline = duration(m, "deadline");
        Boolean stop = bool(m, "stopOnFailure");
        return new ExecutionSpec(concurrency, timeout, deadline != null ? deadline : ExecutionSpec.DEFAULT_DEADLINE,
                stop != null && stop);
    }

    private LogScanSpec logScan(Node node) {
        LogScanSpec defaults = LogScanSpec.defaults();
        if (node instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return new LogScanSpec(b, defaults.useDefaults(), List.of(), List.of(), defaults.settle(),
                    defaults.quietPeriod(), null);
        }
        Node.MapNode m = asMap(node, "logScan");
        if (m == null) {
            return defaults;
        }
        knownKeys(m, LOG_SCAN_KEYS, "in logScan");
        Boolean enabled = bool(m, "enabled");
        Boolean useDefaults = bool(m, "defaults");
        List<LogPatternSpec> patterns = new ArrayList<>();
        Node.Entry p = m.entries().get("patterns");
        if (p != null) {
            for (Node item : listOrSingle(p.value())) {
                LogPatternSpec spec = logPattern(item);
                if (spec != null) {
                    patterns.add(spec);
                }
            }
        }
        List<String> ignore = new ArrayList<>();
        Node.Entry ig = m.entries().get("ignore");
        if (ig != null) {
            for (Node item : listOrSingle(ig.value())) {
                String regex = scalarText(item, "an ignore regex");
                if (regex != null && compile(item, regex) != null) {
                    ignore.add(regex);
                }
            }
        }
        Duration settle = duration(m, "settle");
        Duration quiet = duration(m, "quietPeriod");
        Boolean required = bool(m, "required");
        if (Boolean.FALSE.equals(enabled) && Boolean.TRUE.equals(required)) {
            problem(m.entries().get("required").value(), "logScan.required is true but the scan is disabled "
                    + "(enabled: false): drop one of them");
        }
        return new LogScanSpec(enabled == null || enabled, useDefaults == null || useDefaults, patterns, ignore,
                settle != null ? settle : defaults.settle(), quiet != null ? quiet : defaults.quietPeriod(),
                string(m, "logGroup"), required != null && required);
    }

    private LogPatternSpec logPattern(Node item) {
        if (item instanceof Node.Scalar) {
            String regex = scalarText(item, "a log pattern");
            return regex != null && compile(item, regex) != null ? new LogPatternSpec(regex, regex, 0) : null;
        }
        Node.MapNode m = asMap(item, "a log pattern");
        if (m == null) {
            return null;
        }
        knownKeys(m, LOG_PATTERN_KEYS, "in a log pattern");
        String regex = string(m, "regex");
        if (regex == null) {
            problem(item, "a log pattern needs 'regex' (a Java regular expression found anywhere in a line)");
            return null;
        }
        if (compile(m.entries().get("regex").value(), regex) == null) {
            return null;
        }
        long threshold = 0;
        if (m.entries().containsKey("threshold")) {
            Integer t = integer(m.entries().get("threshold").value(), "threshold");
            if (t != null && t < 0) {
                problem(m.entries().get("threshold").value(), "threshold " + t + " must be 0 or more");
            } else if (t != null) {
                threshold = t;
            }
        }
        String name = string(m, "name");
        return new LogPatternSpec(name != null ? name : regex, regex, threshold);
    }

    private RollbackSpec rollback(Node node) {
        if (node instanceof Node.Scalar s && s.value() instanceof String text) {
            RollbackSpec.Strategy strategy = strategy(text, node);
            return new RollbackSpec(strategy == null ? RollbackSpec.Strategy.NONE : strategy, null, null, false, true,
                    RollbackSpec.DEFAULT_TIMEOUT, null, List.of());
        }
        Node.MapNode m = asMap(node, "rollback");
        if (m == null) {
            return RollbackSpec.none();
        }
        knownKeys(m, ROLLBACK_KEYS, "in rollback");
        String strategyText = string(m, "strategy");
        RollbackSpec.Strategy strategy = strategyText == null ? null : strategy(strategyText, m.entries().get("strategy").value());
        if (strategyText == null) {
            problem(node, "rollback needs 'strategy': alias, sam, command or none");
        }
        RollbackSpec.Sam sam = null;
        Node.Entry samEntry = m.entries().get("sam");
        if (samEntry != null) {
            Node.MapNode sm = asMap(samEntry.value(), "rollback.sam");
            if (sm != null) {
                knownKeys(sm, SAM_KEYS, "in rollback.sam");
                Map<String, String> overrides = new LinkedHashMap<>();
                multiMap(sm, "parameterOverrides").forEach((k, v) -> overrides.put(k, String.join(",", v)));
                sam = new RollbackSpec.Sam(string(sm, "templateFile"), string(sm, "stackName"), string(sm, "region"),
                        stringList(sm, "capabilities"), overrides, string(sm, "s3Bucket"), stringList(sm, "extraArgs"));
            }
        }
        List<String> command = stringList(m, "command");
        if (strategy == RollbackSpec.Strategy.COMMAND && command.isEmpty()) {
            problem(node, "rollback strategy 'command' needs 'command': a list like [./rollback.sh, --stack, prod]");
        }
        Boolean dryRun = bool(m, "dryRun");
        Boolean reverify = bool(m, "reverify");
        Duration timeout = duration(m, "timeout");
        return new RollbackSpec(strategy == null ? RollbackSpec.Strategy.NONE : strategy, string(m, "previousVersion"),
                string(m, "previousReport"), dryRun != null && dryRun, reverify == null || reverify,
                timeout != null ? timeout : RollbackSpec.DEFAULT_TIMEOUT, sam, command);
    }

    private RollbackSpec.Strategy strategy(String text, Node at) {
        RollbackSpec.Strategy s = RollbackSpec.Strategy.fromId(text);
        if (s == null) {
            List<String> ids = java.util.Arrays.stream(RollbackSpec.Strategy.values()).map(RollbackSpec.Strategy::id).toList();
            problem(at, "rollback strategy '" + text + "' is not one of " + String.join(", ", ids)
                    + Suggestions.didYouMean(text, ids));
        }
        return s;
    }

    private List<String> stringList(Node.MapNode m, String key) {
        Node.Entry e = m.entries().get(key);
        List<String> out = new ArrayList<>();
        if (e != null) {
            for (Node item : listOrSingle(e.value())) {
                String text = scalarText(item, key);
                if (text != null) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- phases and checks

    private List<PhaseSpec> phases(Node.MapNode root) {
        Node.Entry phases = root.entries().get("phases");
        Node.Entry checks = root.entries().get("checks");
        if (phases != null && checks != null) {
            problem(checks.value(), "give either 'phases' or top-level 'checks' (one phase), not both");
            return List.of();
        }
        if (checks != null) {
            List<CheckSpec> list = checkList(checks.value(), Expectation.NONE, null, "checks");
            return list.isEmpty() ? List.of() : List.of(new PhaseSpec("checks", list, checks.keyLocation()));
        }
        if (phases == null) {
            problems.add(new SpecProblem(root.location(),
                    "no 'phases': add at least one phase with checks, e.g.\n  phases:\n    - name: public\n"
                            + "      checks:\n        - GET /health: 200"));
            return List.of();
        }
        return phaseList(phases.value());
    }

    private List<PhaseSpec> phaseList(Node node) {
        Node.ListNode list = asList(node, "phases");
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problem(node, "'phases' is empty: add at least one phase with checks");
        }
        List<PhaseSpec> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            Node.MapNode m = asMap(item, "a phase");
            if (m == null) {
                continue;
            }
            knownKeys(m, PHASE_KEYS, "in a phase");
            String name = string(m, "name");
            if (name == null) {
                name = "phase-" + (i + 1);
            } else if (!names.add(name)) {
                problem(m.entries().get("name").value(), "phase name '" + name + "' is used twice: names must be unique");
            }
            Expectation defaults = m.entries().containsKey("expect")
                    ? expectation(m.entries().get("expect").value()) : Expectation.NONE;
            Duration timeout = duration(m, "timeout");
            Node.Entry checks = m.entries().get("checks");
            if (checks == null) {
                problem(item, "phase '" + name + "' has no 'checks': add at least one, e.g. '- GET /health: 200'");
                continue;
            }
            List<CheckSpec> checkSpecs = checkList(checks.value(), defaults, timeout, "phase '" + name + "'");
            out.add(new PhaseSpec(name, checkSpecs, item.location()));
        }
        return out;
    }

    private List<CheckSpec> checkList(Node node, Expectation defaults, Duration phaseTimeout, String owner) {
        Node.ListNode list = asList(node, "checks of " + owner);
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problem(node, "the checks of " + owner + " are empty: add at least one, e.g. '- GET /health: 200'");
        }
        List<CheckSpec> out = new ArrayList<>();
        for (Node item : list.items()) {
            CheckSpec check = check(item, defaults, phaseTimeout);
            if (check != null) {
                out.add(check);
            }
        }
        return out;
    }

    private CheckSpec check(Node item, Expectation defaults, Duration phaseTimeout) {
        if (item instanceof Node.Scalar s && s.value() instanceof String text) {
            // "GET /health" or, quoted in a flow list, "GET /health: 200"
            Matcher withStatus = SHORTHAND_WITH_STATUS.matcher(text.strip());
            String requestText = withStatus.matches() ? withStatus.group(1) : text;
            RequestSpec request = shorthandRequest(requestText, item);
            Expectation expect = withStatus.matches()
                    ? statusOnly(new Node.Scalar(withStatus.group(2).strip(), withStatus.group(2).strip(), s.location()))
                    : Expectation.NONE;
            return request == null ? null : finish(null, request, expect, defaults, phaseTimeout, item);
        }
        Node.MapNode m = asMap(item, "a check");
        if (m == null) {
            return null;
        }
        if (m.entries().size() == 1) {
            Node.Entry only = m.entries().values().iterator().next();
            if (!CHECK_KEYS.contains(only.key()) && SHORTHAND.matcher(only.key()).matches()) {
                RequestSpec request = shorthandRequest(only.key(), item);
                if (request == null) {
                    return null;
                }
                Expectation expect = only.value() instanceof Node.MapNode
                        ? expectation(only.value()) : statusOnly(only.value());
                return finish(null, request, expect, defaults, phaseTimeout, item);
            }
        }
        knownKeys(m, CHECK_KEYS, "in a check (or write the shorthand '- GET /path: 200')");
        Node.Entry requestEntry = m.entries().get("request");
        if (requestEntry == null) {
            problem(item, "a check needs 'request' (e.g. request: {method: GET, path: /health}) "
                    + "or the shorthand '- GET /health: 200'");
            return null;
        }
        RequestSpec request = request(requestEntry.value());
        Expectation expect = m.entries().containsKey("expect")
                ? expectation(m.entries().get("expect").value()) : Expectation.NONE;
        Duration timeout = duration(m, "timeout");
        if (request == null) {
            return null;
        }
        CheckSpec check = finish(string(m, "name"), request, expect, defaults, phaseTimeout, item);
        return timeout == null ? check
                : new CheckSpec(check.name(), check.request(), check.expect(), timeout, check.location());
    }

    private CheckSpec finish(String name, RequestSpec request, Expectation own, Expectation defaults,
                             Duration phaseTimeout, Node at) {
        Expectation effective = own.over(defaults);
        String display = name != null ? name
                : request.method() + " " + request.pathWithQuery() + " -> " + effective.effectiveStatus().describe();
        return new CheckSpec(display, request, effective, phaseTimeout, at.location());
    }

    private RequestSpec shorthandRequest(String text, Node at) {
        Matcher m = SHORTHAND.matcher(text.strip());
        if (!m.matches()) {
            problem(at, "'" + text + "' is not a check: write 'METHOD /path' (e.g. 'GET /health') or a map with request");
            return null;
        }
        String method = m.group(1).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            problem(at, "'" + m.group(1) + "' is not an HTTP method: use one of " + String.join(", ", sorted(METHODS))
                    + Suggestions.didYouMean(method, METHODS));
            return null;
        }
        return pathAndQuery(method, m.group(2), Map.of(), Map.of(), null, false, at);
    }

    private RequestSpec request(Node node) {
        if (node instanceof Node.Scalar s && s.value() instanceof String text) {
            return shorthandRequest(text, node);
        }
        Node.MapNode m = asMap(node, "request");
        if (m == null) {
            return null;
        }
        knownKeys(m, REQUEST_KEYS, "in request");
        String method = string(m, "method");
        if (method == null) {
            method = "GET";
        } else if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            problem(m.entries().get("method").value(), "'" + method + "' is not an HTTP method: use one of "
                    + String.join(", ", sorted(METHODS)) + Suggestions.didYouMean(method.toUpperCase(Locale.ROOT), METHODS));
            return null;
        }
        String path = string(m, "path");
        if (path == null) {
            problem(node, "request needs 'path', e.g. path: /api/v1/providers");
            return null;
        }
        Map<String, List<String>> headers = multiMap(m, "headers");
        Map<String, List<String>> query = multiMap(m, "query");
        String body = null;
        boolean base64 = false;
        Node.Entry json = m.entries().get("json");
        Node.Entry bodyEntry = m.entries().get("body");
        if (json != null && bodyEntry != null) {
            problem(json.value(), "give either 'body' or 'json', not both");
        } else if (json != null) {
            body = JSON.writeValueAsString(toJson(json.value()));
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                headers = new LinkedHashMap<>(headers);
                headers.put("Content-Type", List.of("application/json"));
            }
        } else if (bodyEntry != null) {
            body = bodyEntry.value() instanceof Node.Scalar ? scalarText(bodyEntry.value(), "body")
                    : JSON.writeValueAsString(toJson(bodyEntry.value()));
        }
        Boolean b64 = bool(m, "base64Body");
        if (b64 != null && b64) {
            base64 = true;
            if (body != null && !isBase64(body)) {
                problem(bodyEntry != null ? bodyEntry.value() : node,
                        "base64Body is true but body is not base64: encode it (e.g. 'base64 -w0 file') or drop base64Body");
            }
        }
        return pathAndQuery(method.toUpperCase(Locale.ROOT), path, headers, query, body, base64, node);
    }

    private RequestSpec pathAndQuery(String method, String rawPath, Map<String, List<String>> headers,
                                     Map<String, List<String>> query, String body, boolean base64, Node at) {
        if (!rawPath.startsWith("/")) {
            problem(at, "path '" + rawPath + "' must start with '/'");
            return null;
        }
        String path = rawPath;
        Map<String, List<String>> q = new LinkedHashMap<>();
        int qi = rawPath.indexOf('?');
        if (qi >= 0) {
            path = rawPath.substring(0, qi);
            for (String pair : rawPath.substring(qi + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        query.forEach((k, v) -> q.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return new RequestSpec(method, path, headers, q, body, base64);
    }

    private Map<String, List<String>> multiMap(Node.MapNode parent, String key) {
        Node.Entry e = parent.entries().get(key);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (e == null) {
            return out;
        }
        Node.MapNode m = asMap(e.value(), key);
        if (m == null) {
            return out;
        }
        for (Node.Entry entry : m.entries().values()) {
            List<String> values = new ArrayList<>();
            for (Node v : listOrSingle(entry.value())) {
                String text = scalarText(v, key + " '" + entry.key() + "'");
                if (text != null) {
                    values.add(text);
                }
            }
            out.put(entry.key(), values);
        }
        return out;
    }

    // ---------------------------------------------------------------- expectations

    private Expectation statusOnly(Node node) {
        StatusExpectation status = status(node);
        return new Expectation(status, List.of(), List.of(), List.of(), null);
    }

    private Expectation expectation(Node node) {
        if (!(node instanceof Node.MapNode)) {
            return statusOnly(node);
        }
        Node.MapNode m = (Node.MapNode) node;
        knownKeys(m, EXPECT_KEYS, "in expect");
        StatusExpectation status = m.entries().containsKey("status") ? status(m.entries().get("status").value()) : null;
        List<HeaderExpectation> headers = new ArrayList<>();
        Node.Entry h = m.entries().get("headers");
        if (h != null) {
            Node.MapNode hm = asMap(h.value(), "expect.headers");
            if (hm != null) {
                hm.entries().values().forEach(e -> {
                    HeaderExpectation he = headerExpectation(e);
                    if (he != null) {
                        headers.add(he);
                    }
                });
            }
        }
        List<JsonExpectation> json = new ArrayList<>();
        Node.Entry j = m.entries().get("json");
        if (j != null) {
            Node.MapNode jm = asMap(j.value(), "expect.json");
            if (jm != null) {
                jm.entries().values().forEach(e -> {
                    JsonExpectation je = jsonExpectation(e);
                    if (je != null) {
                        json.add(je);
                    }
                });
            }
        }
        List<String> bodyContains = new ArrayList<>();
        Node.Entry bc = m.entries().get("bodyContains");
        if (bc != null) {
            for (Node item : listOrSingle(bc.value())) {
                String text = scalarText(item, "bodyContains");
                if (text != null) {
                    bodyContains.add(text);
                }
            }
        }
        Duration maxLatency = duration(m, "maxLatency");
        return new Expectation(status, headers, json, bodyContains, maxLatency);
    }

    StatusExpectation status(Node node) {
        List<Integer> codes = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        boolean not5xx = false;
        for (Node item : listOrSingle(node)) {
            if (!(item instanceof Node.Scalar s) || s.value() == null) {
                problem(item, "a status must be a code like 200, a class like 2xx, a set like [401, 307], or 'not 5xx'; "
                        + "found " + item.kind());
                continue;
            }
            // "401|307", or "[401, 307]" when written inside a quoted shorthand
            String text = s.text().strip().replaceAll("^\\[(.*)]$", "$1");
            for (String part : text.split("[|,]")) {
                String p = part.strip();
                Matcher cls = STATUS_CLASS.matcher(p);
                if (p.matches("\\d+")) {
                    int code = Integer.parseInt(p);
                    if (code < 100 || code > 599) {
                        problem(item, "status " + code + " is not an HTTP status code (100-599)");
                    } else if (!codes.contains(code)) {
                        codes.add(code);
                    }
                } else if (cls.matches()) {
                    classes.add(Integer.parseInt(cls.group(1)));
                } else if (NOT_5XX.matcher(p).matches()) {
                    not5xx = true;
                } else {
                    problem(item, "status '" + p + "' is not a code (200), a class (2xx), a set ([401, 307]) or 'not 5xx'");
                }
            }
        }
        if (codes.isEmpty() && classes.isEmpty() && !not5xx) {
            if (node instanceof Node.ListNode l && l.items().isEmpty()) {
                problem(node, "status set is empty: list at least one code, e.g. [401, 307]");
            }
            return null;
        }
        return new StatusExpectation(codes, classes, not5xx);
    }

    private HeaderExpectation headerExpectation(Node.Entry e) {
        Node v = e.value();
        if (v instanceof Node.MapNode m) {
            knownKeys(m, HEADER_OPS, "in the expectation of header '" + e.key() + "'");
            if (m.entries().size() != 1) {
                problem(v, "header '" + e.key() + "': give exactly one of equals, matches, present");
                return null;
            }
            String op = m.entries().keySet().iterator().next();
            return switch (op) {
                case "equals" -> new HeaderExpectation(e.key(), string(m, "equals"), null, null);
                case "matches" -> {
                    Pattern p = compile(m.entries().get("matches").value(), string(m, "matches"));
                    yield p == null ? null : new HeaderExpectation(e.key(), null, p, null);
                }
                case "present" -> new HeaderExpectation(e.key(), null, null, bool(m, "present"));
                default -> null;
            };
        }
        String text = scalarText(v, "header '" + e.key() + "'");
        return text == null ? null : new HeaderExpectation(e.key(), text, null, null);
    }

    private JsonExpectation jsonExpectation(Node.Entry e) {
        String pointer = e.key();
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            problems.add(new SpecProblem(e.keyLocation(), "'" + pointer
                    + "' is not a JSON Pointer: start it with '/', e.g. /status or /items/0/id"));
            return null;
        }
        Node v = e.value();
        if (v instanceof Node.MapNode m && !m.entries().isEmpty()
                && JSON_OPS.containsAll(m.entries().keySet())) {
            if (m.entries().size() != 1) {
                problem(v, "json '" + pointer + "': give exactly one of equals, contains, matches, exists");
                return null;
            }
            String op = m.entries().keySet().iterator().next();
            Node operand = m.entries().get(op).value();
            return switch (op) {
                case "equals" -> new JsonExpectation(pointer, toJson(operand), null, null, null);
                case "contains" -> new JsonExpectation(pointer, null, scalarText(operand, "contains"), null, null);
                case "matches" -> {
                    Pattern p = compile(operand, scalarText(operand, "matches"));
                    yield p == null ? null : new JsonExpectation(pointer, null, null, p, null);
                }
                default -> new JsonExpectation(pointer, null, null, null, bool(m, "exists"));
            };
        }
        return new JsonExpectation(pointer, toJson(v), null, null, null);
    }

    // ---------------------------------------------------------------- scalars

    private void knownKeys(Node.MapNode m, Set<String> known, String where) {
        for (Node.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                problems.add(new SpecProblem(e.keyLocation(), "unknown key '" + e.key() + "' " + where
                        + Suggestions.didYouMean(e.key(), known) + "; allowed: " + String.join(", ", sorted(known))));
            }
        }
    }

    private Node.MapNode asMap(Node node, String what) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        problem(node, what + " must be a map (key: value lines), found " + node.kind() + describe(node));
        return null;
    }

    private Node.ListNode asList(Node node, String what) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        problem(node, what + " must be a list ('- ' items), found " + node.kind() + describe(node));
        return null;
    }

    private List<Node> listOrSingle(Node node) {
        return node instanceof Node.ListNode l ? l.items() : List.of(node);
    }

    private String string(Node.MapNode m, String key) {
        Node.Entry e = m.entries().get(key);
        return e == null ? null : scalarText(e.value(), key);
    }

    private String scalarText(Node node, String what) {
        if (node instanceof Node.Scalar s && s.value() != null) {
            return s.text();
        }
        problem(node, what + " must be a single value, found " + node.kind());
        return null;
    }

    private Integer integer(Node node, String what) {
        if (node instanceof Node.Scalar s && s.value() instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        problem(node, what + " must be a whole number, found " + node.kind() + describe(node));
        return null;
    }

    private Boolean bool(Node.MapNode m, String key) {
        Node.Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        problem(e.value(), key + " must be true or false, found " + e.value().kind() + describe(e.value()));
        return null;
    }

    private Duration duration(Node.MapNode m, String key) {
        Node.Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof Node.Scalar s && s.value() instanceof String text) {
            Duration d = Durations.parse(text);
            if (d != null && !d.isZero() && !d.isNegative()) {
                return d;
            }
        }
        problem(e.value(), key + " " + describe(e.value()).strip()
                + " is not a duration: write it with a unit, e.g. 500ms, 30s, 10m");
        return null;
    }

    private Pattern compile(Node at, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException ex) {
            problem(at, "'" + regex + "' is not a valid regular expression: " + ex.getDescription());
            return null;
        }
    }

    private JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof Node.MapNode m) {
            var obj = f.objectNode();
            m.entries().values().forEach(e -> obj.set(e.key(), toJson(e.value())));
            return obj;
        }
        if (node instanceof Node.ListNode l) {
            var arr = f.arrayNode();
            l.items().forEach(i -> arr.add(toJson(i)));
            return arr;
        }
        Object v = ((Node.Scalar) node).value();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal
                    ? f.numberNode(new java.math.BigDecimal(n.toString())) : f.numberNode(Long.parseLong(n.toString()));
        }
        return f.stringNode((String) v);
    }

    private static boolean isBase64(String s) {
        try {
            java.util.Base64.getDecoder().decode(s.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(Node node) {
        if (node instanceof Node.Scalar s && s.value() != null) {
            return " '" + s.text() + "'";
        }
        return "";
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }

    private void problem(Node at, String message) {
        problems.add(new SpecProblem(at.location(), message));
    }
}
