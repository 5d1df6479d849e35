package io.portcullis.runtime.api;

import static io.portcullis.runtime.api.StandardHeadersTest.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Path and query parameters are read with IAM's rules before anything is read or sent. */
class RequestParametersTest {

    @Test
    void tagKeysAreSplitOnCommasAcrossRepeatedParameters() {
        // When
        List<String> keys = RequestParameters.commaSeparated(List.of("a,b", "c"));

        // Then
        assertThat(keys).containsExactly("a", "b", "c");
        assertThat(RequestParameters.commaSeparated(null)).isNull();
    }

    @Test
    void listParametersTakeAwsDefaults() {
        // When
        ListRequest parsed = RequestParameters.list(null, null, null);

        // Then
        assertThat(parsed).isEqualTo(ListRequest.first());
    }

    @Test
    void maxItemsThatIsNotANumberIsAValidationError() {
        // When
        ThrowingCallable parsed = () -> RequestParameters.list(null, null, "ten");

        // Then
        assertThat(rejection(parsed).code()).isEqualTo(IamErrorCode.VALIDATION_ERROR);
        assertThat(rejection(parsed).message()).contains("'ten'").contains("maxItems");
    }

    @Test
    void maxItemsAboveAThousandIsAValidationError() {
        // When
        ThrowingCallable parsed = () -> RequestParameters.list("/", null, "1001");

        // Then
        assertThat(rejection(parsed).message()).contains("maxItems");
    }

    @Test
    void aMarkerThisServiceDidNotHandOutIsAValidationError() {
        // When
        ThrowingCallable parsed = () -> RequestParameters.list("/", "not-a-marker!", "10");

        // Then
        assertThat(rejection(parsed).message()).contains("marker");
    }

    @Test
    void aUserNameWithForbiddenCharactersIsAValidationError() {
        // When
        ThrowingCallable parsed = () -> RequestParameters.check(Constraints.check().userNameReference("userName", "alice smith"));

        // Then
        assertThat(rejection(parsed).message()).contains("'alice smith'").contains("userName");
    }
}
