package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Jenkins' class filter trusts classes of plugin jars, not of the library jars a plugin bundles: every core class that
 * comes back from the agent or is stored with the build must be named in META-INF/hudson.remoting.ClassFilter, or
 * Jenkins refuses it (JEP-200). Tests running from target/classes would not notice; this test does.
 */
class ClassFilterTest {
    private static final String CORE = "io.jenkins.plugins.lambdaverify.";
    private static final String PLUGIN = "io.jenkins.plugins.lambdaverify.jenkins.";

    @Test
    void everyCoreClassThatCrossesTheChannelOrIsStoredIsListed() throws IOException {
        // VerificationSummary: returned by AgentVerification; BuildSummary: LambdaVerifyBuildAction's XML.
        Set<String> reachable = coreClassesReachableFrom(VerificationSummary.class, BuildSummary.class);

        assertThat(reachable).contains(VerificationSummary.Check.class.getName());
        assertThat(listed()).containsExactlyInAnyOrderElementsOf(reachable);
    }

    private static Set<String> listed() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = ClassFilterTest.class.getResourceAsStream("/META-INF/hudson.remoting.ClassFilter")) {
            assertThat(in).as("META-INF/hudson.remoting.ClassFilter").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    names.add(entry);
                }
            }
        }
        return names;
    }

    /** Core classes in the object graph: the roots, their fields' types and their type arguments, transitively. */
    private static Set<String> coreClassesReachableFrom(Class<?>... roots) {
        Set<String> found = new TreeSet<>();
        Deque<Type> todo = new ArrayDeque<>(java.util.List.of(roots));
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.push(p.getRawType());
                java.util.Arrays.stream(p.getActualTypeArguments()).forEach(todo::push);
            } else if (type instanceof Class<?> c) {
                String name = c.getName();
                if (name.startsWith(CORE) && !name.startsWith(PLUGIN) && found.add(name)) {
                    for (Field f : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                            todo.push(f.getGenericType());
                        }
                    }
                }
            }
        }
        return found;
    }
}
