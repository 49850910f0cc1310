package org.samizdat.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller as part of the newsroom: its views get the newsroom chrome (words, the signed-in
 * member, the CSRF token) and its errors are shown inside the newsroom layout.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Newsroom {
}
