package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns values given in Pipeline (Groovy maps, lists, GStrings, BigDecimals) into plain Java data: String, Integer,
 * Long, Double, Boolean, ArrayList and LinkedHashMap. Only those persist cleanly in XStream and cross the agent
 * channel.
 */
final class PlainData {
    private PlainData() {}

    static List<Map<String, Object>> listOfMaps(@CheckForNull List<?> values) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (values != null) {
            for (Object value : values) {
                if (!(value instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException(Texts.get("PlainData.notAMap", value));
                }
                result.add(map(map));
            }
        }
        return result;
    }

    private static Map<String, Object> map(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value(value)));
        return result;
    }

    private static Object value(@CheckForNull Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof Iterable<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(value(item)));
            return list;
        }
        if (value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        return value.toString(); // GString, enums, anything else a user may write
    }
}
