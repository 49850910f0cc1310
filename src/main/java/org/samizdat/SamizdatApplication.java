package org.samizdat;

import java.time.Clock;
import org.samizdat.operations.MoveDatabase;
import org.samizdat.distribution.MirrorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the newsroom's one service: website, newsroom editor and everything around them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SamizdatApplication {

    public static void main(String[] args) {
        if (MoveDatabase.handles(args)) {
            System.exit(MoveDatabase.run(args, System.out));
        }
        if (MirrorCommands.handles(args)) {
            System.exit(MirrorCommands.run(SamizdatApplication.class, args, System.out));
        }
        SpringApplication.run(SamizdatApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
