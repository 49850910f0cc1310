package org.samizdat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpDataTest {

    @Test
    void leavesCleanMessagesAloneWithoutACopy() {
        byte[] clean = "Subject: x\r\n\r\nHello\r\nWorld.\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(SmtpData.stuffed(clean)).isSameAs(clean);
    }

    @Test
    void doublesDotsAtLineStarts() {
        assertThat(stuffed(".hidden\r\nnot.at.start\r\n.\r\n..two\r\n")).isEqualTo("..hidden\r\nnot.at.start\r\n..\r\n...two\r\n");
    }

    @Test
    void endsEveryLineInCrlfIncludingBareOnesAndTheLast() {
        assertThat(stuffed("a\nb\rc\r\n.d\ne")).isEqualTo("a\r\nb\r\nc\r\n..d\r\ne\r\n");
        assertThat(stuffed("\n.x\r")).isEqualTo("\r\n..x\r\n");
    }

    private static String stuffed(String message) {
        return new String(SmtpData.stuffed(message.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
    }
}
