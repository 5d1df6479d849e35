package io.portcullis.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IamIdsTest {

    @Test
    void userIdsHaveAidaPrefixAndPassValidation() {
        String id = IamIds.newUserId(new SplittableRandom(1));
        assertTrue(id.matches("AIDA[A-Z2-7]{17}"), id);
        assertEquals(java.util.Optional.empty(), IdentityValidation.check().userId("userId", id).result());
    }

    @Test
    void groupIdsHaveAgpaPrefixAndPassValidation() {
        String id = IamIds.newGroupId(new SplittableRandom(1));
        assertTrue(id.matches("AGPA[A-Z2-7]{17}"), id);
        assertEquals(java.util.Optional.empty(), IdentityValidation.check().groupId("groupId", id).result());
    }

    @Test
    void successiveIdsDiffer() {
        SplittableRandom random = new SplittableRandom(7);
        assertNotEquals(IamIds.newUserId(random), IamIds.newUserId(random));
    }
}
