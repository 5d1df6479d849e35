package io.portcullis.policylang.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Action} or {@code NotAction} values of a statement, lower-cased once and indexed by service
 * prefix. Actions match case-insensitively with {@code *} and {@code ?}.
 */
public final class ActionMatcher {

    private static final Wildcard[] NONE = new Wildcard[0];

    private final boolean matchesAll;
    private final Map<String, Wildcard[]> byService;
    private final Wildcard[] anyService;

    private ActionMatcher(boolean matchesAll, Map<String, Wildcard[]> byService, Wildcard[] anyService) {
        this.matchesAll = matchesAll;
        this.byService = byService;
        this.anyService = anyService;
    }

    public static ActionMatcher of(List<String> actions) {
        boolean all = false;
        Map<String, List<Wildcard>> byService = new HashMap<>();
        List<Wildcard> anyService = new ArrayList<>();
        for (String action : actions) {
            String lower = action.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            if (lower.equals("*")) {
                all = true;
            } else if (colon < 0 || hasWildcard(lower.substring(0, colon))) {
                anyService.add(Wildcard.glob(lower));
            } else {
                byService.computeIfAbsent(lower.substring(0, colon), k -> new ArrayList<>())
                        .add(Wildcard.glob(lower.substring(colon + 1)));
            }
        }
        Map<String, Wildcard[]> frozen = new HashMap<>();
        byService.forEach((service, list) -> frozen.put(service, list.toArray(NONE)));
        return new ActionMatcher(all, Map.copyOf(frozen), anyService.toArray(NONE));
    }

    public boolean matches(RequestContext request) {
        if (matchesAll) {
            return true;
        }
        Wildcard[] names = byService.get(request.service());
        if (names != null) {
            for (Wildcard name : names) {
                if (name.matches(request.actionName())) {
                    return true;
                }
            }
        }
        for (Wildcard full : anyService) {
            if (full.matches(request.actionLower())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the matcher can only match actions of {@link #services()}. */
    boolean indexable() {
        return !matchesAll && anyService.length == 0;
    }

    Set<String> services() {
        return byService.keySet();
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }
}
