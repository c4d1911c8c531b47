package org.ossmultipart.camel.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes as people write them, all in powers of 1024, never a time; and what is no size. */
class ByteSizeTest {

    @ParameterizedTest(name = "''{0}'' = {1} bytes")
    @CsvSource(
            delimiter = '|',
            value = {
                "16777216     | 16777216",
                "16MiB        | 16777216",
                "16mib        | 16777216",
                "16MB         | 16777216",
                "16mb         | 16777216",
                "16m          | 16777216",
                "16M          | 16777216",
                "16 MB        | 16777216",
                "' 16 MiB '   | 16777216",
                "100KiB       | 102400",
                "100 KB       | 102400",
                "100k         | 102400",
                "1GiB         | 1073741824",
                "1g           | 1073741824",
                "5GB          | 5368709120",
                "1.5GiB       | 1610612736",
                "0.5m         | 524288",
                "2TiB         | 2199023255552",
                "512B         | 512",
                "512 b        | 512",
                "0            | 0"
            })
    void validSizes(String text, long bytes) {
        assertThat(ByteSize.parse("partSize", text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "''{0}'' is no size")
    @ValueSource(
            strings = {
                "",
                " ",
                "16minutes",
                "16 s",
                "2h",
                "PT16M",
                "-1",
                "-16MiB",
                "16 MiB 2",
                "MiB",
                "1.5",
                "16,5MB",
                "16e6",
                "sixteen",
                "16KiBs",
                "0x10"
            })
    void invalidSizesAreRefusedQuotingTheText(String text) {
        assertThatThrownBy(() -> ByteSize.parse("partSize", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("partSize must be a size such as 16MiB")
                .hasMessageEndingWith("was '" + text + "'");
    }

    @ParameterizedTest(name = "{0} bytes reads {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0 | 0 B", "1023 | 1023 B", "1024 | 1.0 KiB", "73715302 | 70.3 MiB", "5368709120 | 5.0 GiB"})
    void sizesForPeople(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
