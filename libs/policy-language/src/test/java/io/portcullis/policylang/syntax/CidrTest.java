package io.portcullis.policylang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "0.0.0.0/0, 192.0.2.1, true",
            "192.0.2.1, 192.0.2.1, true",
            "192.0.2.1/32, 192.0.2.2, false",
            "2001:db8::/32, 2001:DB8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "::/0, ::1, true",
            "::ffff:10.0.0.0/120, ::ffff:10.0.0.9, true",
            "10.0.0.0/8, ::ffff:10.0.0.9, false",
            "2001:db8:1234:5678::/64, 2001:db8:1234:5678:ffff:ffff:ffff:ffff, true",
            "2001:db8:1234:5678::/64, 2001:db8:1234:5679::, false"
    })
    void containsAddressesInsideTheBlockOnly(String block, String address, boolean inside) {
        // Given
        Cidr cidr = Cidr.parse(block).orElseThrow();

        // When
        boolean contains = cidr.contains(Cidr.parse(address).orElseThrow());

        // Then
        assertThat(contains).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "256.0.0.1", "10.0.0.1/33", "1.2.3.4/", "1:2:3:4:5:6:7:8:9", "1::2::3",
            "gggg::", "10.0.0.1/-1", "::/129", "example.com", "1.2.3.4.5"})
    void rejectsTextThatIsNotAnAddressOrBlock(String text) {
        // When
        boolean parsed = Cidr.parse(text).isPresent();

        // Then
        assertThat(parsed).isFalse();
    }
}
