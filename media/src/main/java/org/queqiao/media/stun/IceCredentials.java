package org.queqiao.media.stun;

import java.nio.charset.StandardCharsets;

/**
 * The ICE credentials of one transport as the Binding responder needs them: our ufrag and password, and
 * the remote ufrag expected after the colon in USERNAME (null while the remote description is unknown, in
 * which case any remote ufrag is taken; MESSAGE-INTEGRITY with our password still authenticates).
 */
public record IceCredentials(String localUfrag, String localPassword, String remoteUfrag) {

    byte[] key() { return localPassword.getBytes(StandardCharsets.UTF_8); }
}
