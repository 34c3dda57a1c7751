package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Hands out verification ids per build, atomically: two verifications that start at once (publishers in parallel
 * branches) must never share an id, since the id names the report directory and the second would delete the first's
 * reports. The ids already recorded with the build count as taken too, so the rule stays
 * {@link BuildSummary#uniqueId(String, Collection)}. Builds are held weakly: a finished build's reservations go with it.
 *
 * @param <K> the build (a {@code Run} in Jenkins)
 */
final class IdReservations<K> {
    private final Map<K, Set<String>> reserved = new WeakHashMap<>();

    /**
     * @param build    the build
     * @param base     the id wanted, e.g. the step's node id or {@code publisher}
     * @param recorded the ids of the verifications already recorded with the build
     * @return {@code base}, or {@code base-2}, {@code base-3}... never handed out before for this build
     */
    synchronized String reserve(K build, String base, Supplier<Collection<String>> recorded) {
        Set<String> ids = reserved.computeIfAbsent(build, b -> new HashSet<>());
        Set<String> taken = new HashSet<>(ids);
        taken.addAll(recorded.get());
        String id = BuildSummary.uniqueId(base, taken);
        ids.add(id);
        return id;
    }
}
