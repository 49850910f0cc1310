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
    void looksOnlyAtTheBytesInUseOfAReusedBuffer() {
        byte[] buffer = "a\r\n.b\r\n\nstale .bytes\n".getBytes(StandardCharsets.US_ASCII);
        byte[] clean = "a\r\nb\r\nstale\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(SmtpData.stuffed(clean, 6)).isSameAs(clean);
        assertThat(new String(SmtpData.stuffed(buffer, 7), StandardCharsets.US_ASCII)).isEqualTo("a\r\n..b\r\n");
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

    @Test
    void agreesWithTheRuleOnRandomMessages() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "ab.\r\n";
        for (int run = 0; run < 5000; run++) {
            StringBuilder message = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                message.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = message.toString();
            String lines = text.replaceAll("\r\n|\r|\n", "\r\n");
            String ended = lines.isEmpty() || lines.endsWith("\r\n") ? lines : lines + "\r\n";
            String rule = (ended.startsWith(".") ? "." + ended : ended).replace("\r\n.", "\r\n..");
            assertThat(stuffed(text)).as(text.replace("\r", "<CR>").replace("\n", "<LF>")).isEqualTo(rule);
        }
    }

    private static String stuffed(String message) {
        return new String(SmtpData.stuffed(message.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
    }
}
