package org.queqiao.identity;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {
    @Test
    void anAddressIsRefusedAfterTooManyFailuresAMinuteAndAllowedAgainLater() {
        LoginThrottle t = new LoginThrottle(3);
        long now = 1_000_000;
        for (int i = 0; i < 3; i++) t.recordFailure("10.0.0.1", now + i);
        assertThatThrownBy(() -> t.check("10.0.0.1", now + 10)).isInstanceOf(ProblemException.class)
                .extracting("code").isEqualTo("login_throttled");
        assertThatCode(() -> t.check("10.0.0.2", now + 10)).as("other addresses are unaffected").doesNotThrowAnyException();
        assertThatCode(() -> t.check("10.0.0.1", now + 61_000)).as("the window slides").doesNotThrowAnyException();
    }
}
