package org.queqiao.identity;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void hashesVerifyAndAreSalted() {
        String h = hasher.hash("correct horse 密码");
        assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse 密码", h)).isTrue();
        assertThat(hasher.verify("correct horse 密码 ", h)).isFalse();
        assertThat(hasher.hash("correct horse 密码")).isNotEqualTo(h);
    }

    @Test
    void matchesTheArgon2idReferenceVector() {
        // RFC 9106-style check through the PHC string: a hash made by the reference argon2 CLI
        // (echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e)
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.needsRehash(reference)).isTrue();
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "$2a$10$bcrypt")).isFalse();
    }

    @Test
    void policyRejectsWeakPasswords() {
        PasswordPolicy p = new PasswordPolicy(8);
        assertThatThrownBy(() -> p.check("password", "short", null)).extracting("code").isEqualTo("password_too_short");
        assertThatThrownBy(() -> p.check("password", "aaaaaaaaaa", null)).extracting("code").isEqualTo("password_too_simple");
        assertThatThrownBy(() -> p.check("password", "me@example.com", "me@example.com")).isInstanceOf(ProblemException.class);
        assertThat(p.check("password", "good horse 42", "me@example.com")).isEqualTo("good horse 42");
        assertThat(p.temporary()).hasSize(14);
    }
}
