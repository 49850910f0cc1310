package org.samizdat.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Photo types are told by their first bytes, whatever the file was called. */
class MediaFormatTest {

    @Test
    void recognisesTheThreeAcceptedFormats() {
        assertThat(MediaFormat.sniff(MediaTestImages.jpeg(20, 20))).contains(MediaFormat.JPEG);
        assertThat(MediaFormat.sniff(MediaTestImages.png(20, 20))).contains(MediaFormat.PNG);
        assertThat(MediaFormat.sniff(MediaTestImages.resource("photo.webp"))).contains(MediaFormat.WEBP);
        assertThat(MediaFormat.sniff(MediaTestImages.resource("lossless.webp"))).contains(MediaFormat.WEBP);
    }

    @Test
    void recognisesNothingElse() {
        assertThat(MediaFormat.sniff(MediaTestImages.encode(MediaTestImages.picture(20, 20, 3), "gif"))).isEmpty();
        assertThat(MediaFormat.sniff(MediaTestImages.encode(MediaTestImages.picture(20, 20, 3), "bmp"))).isEmpty();
        assertThat(MediaFormat.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaFormat.sniff("<html>photo.jpg</html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(MediaFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(MediaFormat.sniff(new byte[0])).isEmpty();
        assertThat(MediaFormat.sniff(null)).isEmpty();
    }
}
