package org.queqiao.platform.auth;

import java.util.Optional;

/**
 * Turns a bearer token into a principal, or nothing when the token is unknown, expired or revoked.
 * Implemented by the identity module; used by the HTTP API and the realtime gateway alike.
 */
@FunctionalInterface
public interface TokenAuthenticator {
    Optional<Principal> authenticate(String token);
}
