package org.samizdat.staff.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may reach what: the public site is open to all, everything under /newsroom needs a signed-in staff member. */
@Configuration
class StaffSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/signin", "/newsroom/actuator/health").permitAll()
                        .requestMatchers("/newsroom/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/newsroom/signin").defaultSuccessUrl("/newsroom", true))
                .logout(logout -> logout.logoutUrl("/newsroom/signout").logoutSuccessUrl("/newsroom/signin?signedout"));
        return http.build();
    }
}
