package org.queqiao.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;

class HostAddressTest {
    @Test
    void theOperatorsAddressWins() {
        assertThat(HostAddress.advertised(" 198.51.100.7 ")).isEqualTo("198.51.100.7");
    }

    @Test
    void otherwiseAnAddressOfThisHostThatIsUp() throws Exception {
        String guessed = HostAddress.advertised("");
        InetAddress address = InetAddress.getByName(guessed);
        assertThat(address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address).isUp()).isTrue();
    }
}
