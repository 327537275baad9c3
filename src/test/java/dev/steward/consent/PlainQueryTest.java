package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.buf.MessageBytes;
import org.junit.jupiter.api.Test;

class PlainQueryTest {

    private static PlainQuery query(String text) {
        MessageBytes bytes = MessageBytes.newInstance();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        bytes.setBytes(raw, 0, raw.length);
        return PlainQuery.of(bytes);
    }

    @Test
    void readsPlainParametersAsTomcatWould() {
        PlainQuery query = query("site=olympus-ims&purpose=newsletter&subject=3f2c&at=2027-01-04T09:41:42Z");
        assertThat(query).isNotNull();
        assertThat(query.get("site")).isEqualTo("olympus-ims");
        assertThat(query.get("purpose")).isEqualTo("newsletter");
        assertThat(query.get("subject")).isEqualTo("3f2c");
        assertThat(query.get("at")).isEqualTo("2027-01-04T09:41:42Z");
        assertThat(query.get("sit")).isNull();
        assertThat(query.get("other")).isNull();
    }

    @Test
    void theFirstOfRepeatedNamesCountsAndANameAloneIsEmpty() {
        PlainQuery query = query("site=a&site=b&subject&purpose=&&=x");
        assertThat(query.get("site")).isEqualTo("a");
        assertThat(query.get("subject")).isEmpty();
        assertThat(query.get("purpose")).isEmpty();
    }

    @Test
    void leavesEveryQueryThatNeedsDecodingToTomcat() {
        assertThat(query("subject=a%40b.example&site=x")).isNull();
        assertThat(query("subject=a+b")).isNull();
        assertThat(query("subject=é")).isNull();
        assertThat(query("subject=a b")).isNull();
    }

    @Test
    void noQueryHasNoParameters() {
        PlainQuery query = PlainQuery.of(MessageBytes.newInstance());
        assertThat(query).isNotNull();
        assertThat(query.get("site")).isNull();
    }
}
