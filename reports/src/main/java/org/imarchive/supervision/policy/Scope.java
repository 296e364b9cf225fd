package org.imarchive.supervision.policy;

import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Platform;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which messages a policy applies to: the supervision groups of the firm's user in the conversation (none listed
 * means every group), the directions and the platforms.
 */
public record Scope(SortedSet<String> groups, Set<Direction> directions, Set<Platform> platforms) {

    public Scope {
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        directions = Collections.unmodifiableSet(directions.isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(directions));
        platforms = Collections.unmodifiableSet(platforms.isEmpty() ? EnumSet.noneOf(Platform.class) : EnumSet.copyOf(platforms));
    }

    public static Scope everything() {
        return new Scope(new TreeSet<>(), EnumSet.allOf(Direction.class), EnumSet.allOf(Platform.class));
    }

    public boolean covers(Direction direction, Platform platform, Set<String> messageGroups) {
        return directions.contains(direction) && platforms.contains(platform)
                && (groups.isEmpty() || messageGroups.stream().anyMatch(groups::contains));
    }
}
