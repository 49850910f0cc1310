package org.samizdat.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String LOOKUP = Base64.getEncoder().encodeToString("lookup-lookup-lookup-lookup-look".getBytes());

    private final PersonalData data = new PersonalData(PersonalDataKeys.parse("k1=" + K1 + ";lookup=" + LOOKUP));

    @Test
    void sealsAndOpensCyrillicWithAFreshNonceEachTime() {
        String first = data.seal("Анна <anna@example.org>");
        String second = data.seal("Анна <anna@example.org>");
        assertThat(first).startsWith("pd1:k1:").doesNotContain("anna").isNotEqualTo(second);
        assertThat(data.open(first)).isEqualTo("Анна <anna@example.org>");
        assertThat(data.open(second)).isEqualTo("Анна <anna@example.org>");
        assertThat(data.seal(null)).isNull();
    }

    @Test
    void refusesTamperedTruncatedAndForeignText() {
        String sealed = data.seal("reader@example.org");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("pd1:k1:".length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "pd1:k1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> data.open(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.open("pd1:k1:AAAA")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> data.open("reader@example.org")).hasMessageContaining("Not sealed");
        assertThatThrownBy(() -> data.open(sealed.replace("pd1:k1:", "pd1:k9:"))).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> data.open(sealed.replace("pd1:k1:", "pd1:k2:"))).isInstanceOf(IllegalArgumentException.class);
        String after = data.seal("next@example.org");
        assertThat(data.open(after)).as("the thread's cipher works again after a refusal").isEqualTo("next@example.org");
        assertThat(data.open(sealed)).isEqualTo("reader@example.org");
    }

    @Test
    void rotationKeepsOldValuesReadableAndMarksThemForResealing() {
        String old = data.seal("reader@example.org");
        PersonalData rotated = new PersonalData(PersonalDataKeys.parse(
                "k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\nlookup=" + LOOKUP));
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.open(old)).isEqualTo("reader@example.org");
        String resealed = rotated.seal(rotated.open(old));
        assertThat(resealed).startsWith("pd1:k2:");
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(rotated.emailLookup("Reader@Example.org ")).isEqualTo(data.emailLookup("reader@example.org"));
        assertThat(rotated.currentPrefix()).isEqualTo("pd1:k2:");
        assertThat(rotated.reseal(old)).startsWith("pd1:k2:").satisfies(v -> assertThat(rotated.open(v)).isEqualTo("reader@example.org"));
        assertThat(rotated.reseal(resealed)).isSameAs(resealed);
        assertThat(rotated.reseal(null)).isNull();
    }

    @Test
    void lookupHashesAreKeyedAndNormaliseEmail() {
        PersonalData other = new PersonalData(PersonalDataKeys.parse("k1=" + K1 + ";lookup=" + K2));
        assertThat(data.emailLookup(" A@B.org")).isEqualTo(data.emailLookup("a@b.org")).hasSize(64);
        assertThat(other.emailLookup("a@b.org")).isNotEqualTo(data.emailLookup("a@b.org"));
    }

    @Test
    void refusesBadKeyConfiguration() {
        assertThatThrownBy(() -> PersonalDataKeys.parse("k1=" + K1)).hasMessageContaining("lookup");
        assertThatThrownBy(() -> PersonalDataKeys.parse("k1=AAAA;lookup=" + LOOKUP)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PersonalDataKeys.parse("k1=" + K1 + ";current=k2;lookup=" + LOOKUP)).hasMessageContaining("'k2'");
        assertThatThrownBy(() -> PersonalDataKeys.parse("nonsense;lookup=" + LOOKUP)).hasMessageContaining("id=base64");
    }

    @Test
    void createsAPrivateKeyFileOnceAndReadsItBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/personal-data.keys");
        PersonalData first = new PersonalData("", file.toString(), "unused");
        String sealed = first.seal("reader@example.org");
        String text = Files.readString(file);
        PersonalData again = new PersonalData("", file.toString(), "unused");
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(again.open(sealed)).isEqualTo("reader@example.org");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
