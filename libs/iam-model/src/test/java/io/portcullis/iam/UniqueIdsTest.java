package io.portcullis.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portcullis.iam.validation.Constraints;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UniqueIdsTest {

    @Test
    void userIdsHaveAidaPrefixAndPassValidation() {
        String id = UniqueIds.newUserId(new SplittableRandom(1));
        assertTrue(id.matches("AIDA[A-Z2-7]{17}"), id);
        assertEquals(java.util.Optional.empty(), Constraints.check().uniqueId("userId", id, UniqueIds.Kind.USER).result());
    }

    @Test
    void groupIdsHaveAgpaPrefixAndPassValidation() {
        String id = UniqueIds.newGroupId(new SplittableRandom(1));
        assertTrue(id.matches("AGPA[A-Z2-7]{17}"), id);
        assertEquals(java.util.Optional.empty(), Constraints.check().uniqueId("groupId", id, UniqueIds.Kind.GROUP).result());
    }

    @Test
    void successiveIdsDiffer() {
        SplittableRandom random = new SplittableRandom(7);
        assertNotEquals(UniqueIds.newUserId(random), UniqueIds.newUserId(random));
    }

    @Test
    void accessKeyIdsAreTwentyCharactersStartingWithAkia() {
        // When
        String id = UniqueIds.newId(UniqueIds.Kind.ACCESS_KEY, new SplittableRandom(3));

        // Then
        assertTrue(id.matches("AKIA[A-Z2-7]{16}"), id);
        assertEquals(20, id.length());
    }

    @Test
    void aManagedPolicyIdOfAnotherKindFailsValidation() {
        // When
        var result = Constraints.check().uniqueId("policyId", UniqueIds.newUserId(new SplittableRandom(2)), UniqueIds.Kind.MANAGED_POLICY).result();

        // Then
        assertTrue(result.orElseThrow().message().contains("ANPA[A-Z0-9]{17}"));
    }
}
