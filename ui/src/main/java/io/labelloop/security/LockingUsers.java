package io.labelloop.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The configured users, each shown as locked while {@link FailedLogins} holds it locked (Spring then refuses it). */
record LockingUsers(UserDetailsService users, FailedLogins failures) implements UserDetailsService {

    @Override
    public UserDetails loadUserByUsername(String name) throws UsernameNotFoundException {
        UserDetails user = users.loadUserByUsername(name);
        return failures.locked(name) ? User.withUserDetails(user).accountLocked(true).build() : user;
    }
}
