package org.samizdat.staff.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Who may reach what. Everything under /newsroom needs a signed-in staff member, has sessions, CSRF tokens
 * and role rules; the public site has none of these, so its pages never set a cookie and one cached copy
 * serves every reader.
 */
@Configuration
class StaffSecurity {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";
    static final String[] PUBLISHER_ACTIONS = {"/newsroom/stories/*/publish", "/newsroom/stories/*/schedule",
            "/newsroom/stories/*/withdraw", "/newsroom/stories/*/unschedule"};

    /** New hashes are Argon2id; bcrypt hashes still verify and are upgraded on the next sign-in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Sign-ins stay observed; requests and authorization decisions do not: observing them wraps every filter of
     * every request in an observation, which cost more CPU than the security checks themselves on public pages.
     * Request counts and times stay in {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    @Bean
    AuthenticationManager staffAuthentication(StaffAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
            AuditLog audit, TwoStep twoStep) {
        return new ProviderManager(List.of(new ThrottledSignIn(accounts, encoder, throttle, audit, twoStep)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, AuthenticationManager staffAuthentication, StaffAccounts accounts,
            AuditLog audit, TwoStep twoStep, SessionLimits limits)
            throws Exception {
        http.securityMatcher("/newsroom", "/newsroom/**")
                .authenticationManager(staffAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/signin", "/newsroom/forbidden", "/newsroom/actuator/health",
                                "/newsroom/actuator/health/**").permitAll()
                        .requestMatchers("/newsroom/actuator", "/newsroom/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/staff", "/newsroom/staff/**", "/newsroom/privacy/**", "/newsroom/audit",
                                "/newsroom/mirrors", "/newsroom/mirrors/**")
                                .hasRole("ADMIN")
                        .requestMatchers("/newsroom/revenue/settings", "/newsroom/revenue/supporters",
                                "/newsroom/revenue/donations.csv", "/newsroom/revenue/plans/*/cancel").hasRole("ADMIN")
                        .requestMatchers("/newsroom/revenue", "/newsroom/revenue/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/newsroom/sections", "/newsroom/sections/**", "/newsroom/tags",
                                "/newsroom/tags/**", "/newsroom/authors", "/newsroom/authors/**", "/newsroom/search",
                                "/newsroom/search/**", "/newsroom/newsletter", "/newsroom/newsletter/**")
                                .hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/newsroom/asks", "/newsroom/asks/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, PUBLISHER_ACTIONS).hasAnyRole("EDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/newsroom/signin").loginProcessingUrl("/newsroom/signin")
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler(signedIn(limits)).failureUrl("/newsroom/signin?error"))
                .logout(logout -> logout.logoutUrl("/newsroom/signout").logoutSuccessUrl("/newsroom/signin?signedout")
                        .invalidateHttpSession(true).clearAuthentication(true)
                        .addLogoutHandler((request, response, signedIn) -> {
                            if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal principal) {
                                audit.record(principal.member(), AuditAction.SIGNED_OUT, null);
                            }
                        }))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(StaffSecurity::forbidden))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .addFilterBefore(new NoStore(), HeaderWriterFilter.class)
                .addFilterAfter(new StaffSessionCheck(accounts, limits), SecurityContextHolderFilter.class)
                .addFilterBefore(new CrossSiteRefusal(StaffSecurity::forbidden), CsrfFilter.class)
                .addFilterBefore(new TwoStepEnrolment(twoStep), AuthorizationFilter.class);
        return http.build();
    }

    /** After the session id changed (fixation), starts the session's idle and absolute clocks. */
    private static AuthenticationSuccessHandler signedIn(SessionLimits limits) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/newsroom");
        return (request, response, authentication) -> {
            limits.signedIn(request.getSession());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** A refused request gets the newsroom's 403 page, which tells a stale form apart from a missing role. */
    private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher("/newsroom/forbidden").forward(request, response);
    }

    /** The public site: no session, no security context kept, no CSRF token (there is no one to impersonate). */
    @Bean
    @Order(2)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true));
        return http.build();
    }
}
