package org.queqiao.identity;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idTest {
    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void matchesTheRfc9106TestVector() {
        // RFC 9106 section 5.3: Argon2id, m=32 KiB, t=3, p=4, with secret and associated data
        byte[] tag = new Argon2id().compute(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
        assertThat(HexFormat.of().formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void agreesWithBouncyCastleOnRandomInputs() {
        Random rnd = new Random(7);
        for (int i = 0; i < 25; i++) {
            byte[] password = new byte[rnd.nextInt(40)];
            byte[] salt = new byte[8 + rnd.nextInt(24)];
            rnd.nextBytes(password);
            rnd.nextBytes(salt);
            int p = 1 + rnd.nextInt(4);
            int m = 8 * p + rnd.nextInt(300);
            int t = 1 + rnd.nextInt(3);
            int len = 4 + rnd.nextInt(120);
            assertThat(HexFormat.of().formatHex(Argon2id.hash(password, salt, m, t, p, len)))
                    .as("p=%d m=%d t=%d len=%d", p, m, t, len)
                    .isEqualTo(HexFormat.of().formatHex(bouncyCastle(password, salt, m, t, p, len)));
        }
    }

    @Test
    void reusesItsMemoryAcrossSizes() {
        byte[] big = Argon2id.hash(filled(8, 9), filled(16, 1), 512, 1, 1, 32);
        byte[] small = Argon2id.hash(filled(8, 9), filled(16, 1), 64, 1, 1, 32);
        assertThat(Argon2id.hash(filled(8, 9), filled(16, 1), 512, 1, 1, 32)).isEqualTo(big);
        assertThat(small).isEqualTo(bouncyCastle(filled(8, 9), filled(16, 1), 64, 1, 1, 32));
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, int m, int t, int p, int len) {
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build());
        byte[] out = new byte[len];
        g.generateBytes(password, out);
        return out;
    }
}
