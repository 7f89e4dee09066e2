package org.queqiao.platform.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesByContentHashOnceAndReadsBack() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        byte[] bytes = "会议纪要 minutes".getBytes(StandardCharsets.UTF_8);
        var a = store.put(new ByteArrayInputStream(bytes), 1000);
        var b = store.put(new ByteArrayInputStream(bytes), 1000);
        assertThat(a).isEqualTo(b);
        assertThat(a.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(a.size()).isEqualTo(bytes.length);
        try (var in = store.open(a.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("one copy, no temporary files left").isEqualTo(1);
        }
    }

    @Test
    void refusesTooLargeAndKeepsNothing() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2000]), 1000)).isInstanceOf(BlobStore.TooLargeException.class);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void unknownOrMalformedHashesFindNothing() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        assertThat(store.open("0".repeat(64))).isEmpty();
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.open(null)).isEmpty();
    }
}
