package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the functions of a SAM template (normally the built {@code .aws-sam/build/template.yaml}).
 *
 * <p>CloudFormation short tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) are kept as tagged values while
 * parsing, so they never break it; environment values that use them are resolved as a local run can: parameters to
 * their defaults, pseudo parameters to local stand-ins, other resources to their logical id.
 */
public final class SamTemplateReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

    private final String region;

    /** @param region the value of {@code AWS::Region} in resolved values */
    public SamTemplateReader(String region) {
        this.region = region == null || region.isBlank() ? LocalFunctionConfig.DEFAULT_REGION : region;
    }

    public SamTemplateReader() {
        this(null);
    }

    /** A value with a CloudFormation short tag, e.g. {@code !Ref Name} as {@code Tagged("Ref", "Name")}. */
    record Tagged(String tag, Object value) {
    }

    public SamTemplate read(Path template) {
        if (!Files.isRegularFile(template)) {
            throw new LocalRuntimeException("SAM template " + template + " not found; run `sam build` first"
                    + " (or set the template path)");
        }
        Object root;
        try (JsonParser p = YAML.createParser(template.toFile())) {
            p.nextToken();
            root = readValue(p);
        } catch (JacksonException e) {
            throw new LocalRuntimeException("SAM template " + template + " is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new LocalRuntimeException("SAM template " + template + " is not a YAML mapping");
        }
        Map<String, Object> parameters = map(top.get("Parameters"));
        Map<String, Object> resources = map(top.get("Resources"));
        Map<String, Object> globals = map(map(top.get("Globals")).get("Function"));
        Path baseDir = template.toAbsolutePath().getParent();
        List<SamFunction> functions = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = map(resource.getValue());
            Object type = body.get("Type");
            if (SERVERLESS_FUNCTION.equals(type)) {
                functions.add(function(resource.getKey(), merge(globals, map(body.get("Properties"))), "CodeUri",
                        baseDir, parameters, resources));
            } else if (LAMBDA_FUNCTION.equals(type)) {
                functions.add(function(resource.getKey(), map(body.get("Properties")), "Code", baseDir, parameters,
                        resources));
            }
        }
        return new SamTemplate(template, functions);
    }

    private SamFunction function(String logicalId, Map<String, Object> props, String codeProperty, Path baseDir,
                                 Map<String, Object> parameters, Map<String, Object> resources) {
        Resolver resolver = new Resolver(parameters);
        Object code = props.get(codeProperty);
        Path codeDir = code instanceof String s ? baseDir.resolve(s).normalize() : null;
        Map<String, String> env = new LinkedHashMap<>();
        map(map(props.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, resolver.resolve(v)));
        Object name = props.get("FunctionName");
        Object packageType = props.get("PackageType");
        return new SamFunction(logicalId, name instanceof String s ? s : null, scalar(props.get("Handler")),
                scalar(props.get("Runtime")), codeDir, env,
                integer(props.get("Timeout"), SamFunction.DEFAULT_TIMEOUT_SECONDS, logicalId, "Timeout"),
                integer(props.get("MemorySize"), SamFunction.DEFAULT_MEMORY_MB, logicalId, "MemorySize"),
                packageType instanceof String s ? s : "Zip", layerDirs(props.get("Layers"), resources, baseDir));
    }

    /** The layers that are (built) resources of this template: {@code !Ref MyLayer} -> its content directory. */
    private static List<Path> layerDirs(Object layers, Map<String, Object> resources, Path baseDir) {
        List<Path> dirs = new ArrayList<>();
        if (!(layers instanceof List<?> list)) {
            return dirs;
        }
        for (Object layer : list) {
            Object ref = layer instanceof Tagged t && "Ref".equals(t.tag()) ? t.value()
                    : layer instanceof Map<?, ?> m ? m.get("Ref") : null;
            Map<String, Object> props = map(map(resources.get(String.valueOf(ref))).get("Properties"));
            Object content = props.containsKey("ContentUri") ? props.get("ContentUri") : props.get("Content");
            if (ref != null && content instanceof String dir) {
                dirs.add(baseDir.resolve(dir).normalize());
            }
        }
        return dirs;
    }

    /** Globals under the function's own properties; Environment.Variables merge key by key, as SAM does. */
    private static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> props) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(props);
        if (globals.get("Layers") instanceof List<?> globalLayers && props.get("Layers") instanceof List<?> own) {
            List<Object> layers = new ArrayList<>(globalLayers);
            layers.addAll(own);
            merged.put("Layers", layers);
        }
        Map<String, Object> globalVars = map(map(globals.get("Environment")).get("Variables"));
        if (!globalVars.isEmpty()) {
            Map<String, Object> vars = new LinkedHashMap<>(globalVars);
            vars.putAll(map(map(props.get("Environment")).get("Variables")));
            merged.put("Environment", Map.of("Variables", vars));
        }
        return merged;
    }

    private static String scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? value.toString() : null;
    }

    private static int integer(Object value, int fallback, String logicalId, String property) {
        if (value == null || value instanceof Tagged || value instanceof Map) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new LocalRuntimeException("function " + logicalId + ": " + property + " '" + value
                    + "' is not a whole number");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Object readValue(JsonParser p) {
        Object tag = p.getTypeId();
        JsonToken token = p.currentToken();
        Object value = switch (token) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, readValue(p));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                yield list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> p.getString();
        };
        String shortTag = tag == null ? null : tag.toString();
        if (shortTag != null && shortTag.startsWith("!") && !shortTag.startsWith("!!")) {
            shortTag = shortTag.substring(1);
        }
        // Only CloudFormation's own tags matter; standard YAML tags (!!str, tag:yaml.org,...) keep the value.
        return shortTag == null || shortTag.isEmpty() || shortTag.contains(":") || shortTag.startsWith("!")
                ? value : new Tagged(shortTag, value);
    }

    /** Resolves intrinsic functions in environment values, as far as a run without a stack can. */
    private final class Resolver {
        private final Map<String, Object> parameters;

        Resolver(Map<String, Object> parameters) {
            this.parameters = parameters;
        }

        String resolve(Object value) {
            if (value instanceof Tagged t) {
                return intrinsic(t.tag(), t.value());
            }
            if (value instanceof Map<?, ?> m && m.size() == 1) {
                String key = m.keySet().iterator().next().toString();
                String fn = key.startsWith("Fn::") ? key.substring(4) : key;
                return intrinsic(fn, m.get(key));
            }
            String s = scalar(value);
            return s == null ? "" : s;
        }

        private String intrinsic(String fn, Object arg) {
            return switch (fn) {
                case "Ref" -> ref(String.valueOf(arg));
                case "GetAtt" -> arg instanceof List<?> l ? l.stream().map(String::valueOf)
                        .reduce((a, b) -> a + "." + b).orElse("") : String.valueOf(arg);
                case "Sub" -> sub(arg);
                case "Join" -> join(arg);
                default -> "";
            };
        }

        private String ref(String name) {
            return switch (name) {
                case "AWS::Region" -> region;
                case "AWS::AccountId" -> "123456789012";
                case "AWS::Partition" -> "aws";
                case "AWS::URLSuffix" -> "amazonaws.com";
                case "AWS::StackName" -> "local";
                case "AWS::StackId" -> "arn:aws:cloudformation:" + region + ":123456789012:stack/local/local";
                case "AWS::NoValue" -> "";
                default -> {
                    Object def = map(parameters.get(name)).get("Default");
                    yield def != null ? resolve(def) : name;
                }
            };
        }

        private String sub(Object arg) {
            String text;
            Map<String, Object> vars = Map.of();
            if (arg instanceof List<?> l && !l.isEmpty()) {
                text = String.valueOf(l.get(0));
                vars = l.size() > 1 ? map(l.get(1)) : Map.of();
            } else {
                text = String.valueOf(arg);
            }
            Matcher m = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String variable = m.group(1).trim();
                String replacement = vars.containsKey(variable) ? resolve(vars.get(variable))
                        : variable.contains(".") && !variable.startsWith("AWS::") ? variable : ref(variable);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String join(Object arg) {
            if (!(arg instanceof List<?> l) || l.size() != 2 || !(l.get(1) instanceof List<?> parts)) {
                return "";
            }
            List<String> resolved = new ArrayList<>();
            for (Object part : parts) {
                resolved.add(resolve(part));
            }
            return String.join(String.valueOf(l.get(0)), resolved);
        }
    }
}
