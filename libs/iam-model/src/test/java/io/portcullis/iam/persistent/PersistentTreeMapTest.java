package io.portcullis.iam.persistent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistentTreeMapTest {

    private static List<String> values(Iterator<String> iterator) {
        List<String> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    @Test
    void behavesLikeTreeMapUnderRandomPutsAndRemoves() {
        // Given
        SplittableRandom random = new SplittableRandom(42);
        TreeMap<String, String> expected = new TreeMap<>();
        PersistentTreeMap<String> actual = PersistentTreeMap.empty();
        // When
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                expected.remove(key);
                actual = actual.remove(key);
            } else {
                expected.put(key, key + i);
                actual = actual.put(key, key + i);
            }
        }
        // Then
        assertEquals(expected.size(), actual.size());
        assertEquals(new ArrayList<>(expected.values()), values(actual.valuesFrom(null, false)));
        assertEquals(new ArrayList<>(expected.tailMap("k2", false).values()), values(actual.valuesFrom("k2", false)));
        assertEquals(new ArrayList<>(expected.tailMap("k2", true).values()), values(actual.valuesFrom("k2", true)));
    }

    @Test
    void staysBalancedForSortedInsertion() {
        // Given
        PersistentTreeMap<String> map = PersistentTreeMap.empty();
        // When
        for (int i = 0; i < 5_000; i++) {
            map = map.put(String.format("user%05d", i), "v");
        }
        // Then: an AVL tree of n nodes is at most ~1.44 log2(n) high
        assertTrue(map.height() <= 18, "height " + map.height());
    }

    @Test
    void updatesLeaveEarlierVersionsUntouched() {
        // Given
        PersistentTreeMap<String> before = PersistentTreeMap.<String>empty().put("a", "1").put("b", "2");
        // When
        PersistentTreeMap<String> after = before.put("a", "changed").remove("b");
        // Then
        assertEquals("1", before.get("a"));
        assertEquals("2", before.get("b"));
        assertEquals("changed", after.get("a"));
        assertNull(after.get("b"));
    }

    @Test
    void removingAnAbsentKeyReturnsTheSameMap() {
        PersistentTreeMap<String> map = PersistentTreeMap.<String>empty().put("a", "1");
        assertSame(map, map.remove("zzz"));
    }
}
