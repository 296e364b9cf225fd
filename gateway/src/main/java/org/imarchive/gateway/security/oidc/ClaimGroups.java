package org.imarchive.gateway.security.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the groups out of a token's claims. The claim is named by a path, so that providers which nest it (Keycloak's
 * {@code realm_access.roles}) work like those which do not ({@code groups}); a claim holding one string is one group.
 */
public final class ClaimGroups {

    private ClaimGroups() {
    }

    public static List<String> in(Map<String, Object> claims, String claimPath) {
        Object value = claims;
        for (String step : claimPath.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return List.of();
            }
            value = object.get(step);
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Collection<?> many) {
            List<String> groups = new ArrayList<>(many.size());
            for (Object group : many) {
                if (group != null) {
                    groups.add(group.toString());
                }
            }
            return groups;
        }
        return List.of();
    }
}
