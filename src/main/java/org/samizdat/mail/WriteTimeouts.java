package org.samizdat.mail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes SMTP sessions whose write has been blocked longer than the relay's write timeout (a relay that stopped
 * reading), so the sending thread gets an error instead of hanging: a socket itself only times out reads. One
 * daemon thread for all sessions, started with the first one.
 */
final class WriteTimeouts {

    private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();
    private static Thread watchdog;

    private record Watched(SmtpSession session, long limit) {
    }

    private WriteTimeouts() {
    }

    static synchronized void watch(SmtpSession session, long limitMillis) {
        if (limitMillis <= 0) {
            return;
        }
        WATCHED.add(new Watched(session, limitMillis));
        if (watchdog == null) {
            watchdog = new Thread(WriteTimeouts::run, "smtp-write-timeouts");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    static void forget(SmtpSession session) {
        WATCHED.removeIf(w -> w.session() == session);
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched w : WATCHED) {
                if (w.session().writingFor(now) > w.limit()) {
                    w.session().close();
                }
            }
        }
    }
}
