package io.edgecoord.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactStoreTests {

    @TempDir
    Path dataDirectory;

    @Test
    void storesSameBytesAtTheSameContentAddressedPathOnce() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        byte[] zip = Zips.zip().executable("bootstrap", "#!/bin/sh").bytes();
        StagedCode first = stage(store, zip);
        store.keep(first);
        Path artifact = store.artifactPath(first.sha256());
        assertThat(artifact).isEqualTo(this.dataDirectory.toAbsolutePath()
            .resolve("artifacts/sha256/" + first.sha256().substring(0, 2) + "/" + first.sha256() + ".zip"));
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(artifact, written);

        StagedCode second = stage(store, zip);
        store.keep(second);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(Files.getLastModifiedTime(artifact)).isEqualTo(written);
        assertThat(second.file()).doesNotExist();
        assertThat(Files.readAllBytes(artifact)).isEqualTo(zip);
    }

    @Test
    void unpacksWithPlainPermissionsAndExecutableBootstrap() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        byte[] zip = Zips.zip()
            .file("bootstrap", "#!/bin/sh")
            .file("lib/data.txt", "data")
            .executable("bin/tool", "#!/bin/sh")
            .bytes();
        StagedCode staged = stage(store, zip);
        Path code = store.keep(staged).codeDirectory();
        assertThat(code).isEqualTo(this.dataDirectory.toAbsolutePath().resolve("code/" + staged.sha256()));
        assertThat(permissions(code.resolve("bootstrap"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(code.resolve("bin/tool"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(code.resolve("lib/data.txt"))).isEqualTo("rw-r--r--");
        assertThat(permissions(code.resolve("lib"))).isEqualTo("rwxr-xr-x");
        assertThat(code.resolve("lib/data.txt")).hasContent("data");
    }

    @Test
    void unpacksAgainWhenTheCodeDirectoryIsGone() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        StagedCode staged = stage(store, Zips.zip().file("app.py", "x").bytes());
        Path code = store.keep(staged).codeDirectory();
        Files.delete(code.resolve("app.py"));
        Files.delete(code);
        assertThat(store.codeDirectory(staged.sha256()).resolve("app.py")).hasContent("x");
    }

    @Test
    void removesLeftoversOfACrash() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        Path staging = store.newStagingFile();
        Path halfUnpacked = Files.createDirectories(this.dataDirectory.resolve("code/.tmp-abc/x"));
        store.removeLeftovers();
        assertThat(staging).doesNotExist();
        assertThat(halfUnpacked.getParent()).doesNotExist();
        assertThat(this.dataDirectory.resolve("artifacts/tmp")).isDirectory();
    }

    @Test
    void deletesAnArtifactAndItsUnpackedCodeOnceNoDeployHoldsThem() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        byte[] zip = Zips.zip().file("app.py", "x").bytes();
        StagedCode staged = stage(store, zip);
        ArtifactStore.Kept kept = store.keep(staged);
        Path artifact = store.artifactPath(staged.sha256());

        assertThat(store.delete(staged.sha256())).isEqualTo(-1);
        assertThat(artifact).isRegularFile();

        kept.close();
        assertThat(store.delete(staged.sha256())).isEqualTo(zip.length + 1);
        assertThat(artifact).doesNotExist();
        assertThat(kept.codeDirectory()).doesNotExist();
        assertThat(this.dataDirectory.resolve("code")).isEmptyDirectory();
        assertThat(this.dataDirectory.resolve("artifacts/tmp")).isEmptyDirectory();
    }

    @Test
    void insideATransactionTheHoldLastsUntilTheTransactionHasEnded() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        StagedCode staged = stage(store, Zips.zip().file("app.py", "x").bytes());
        TransactionSynchronizationManager.initSynchronization();
        try {
            store.keep(staged).close();
            assertThat(store.delete(staged.sha256())).isEqualTo(-1);
            TransactionSynchronizationManager.getSynchronizations()
                .forEach((sync) -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        }
        finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(store.delete(staged.sha256())).isPositive();
    }

    @Test
    void aDeployOfTheSameBytesAfterADeletionStoresThemAgain() throws IOException {
        ArtifactStore store = new ArtifactStore(this.dataDirectory);
        byte[] zip = Zips.zip().file("app.py", "x").bytes();
        StagedCode first = stage(store, zip);
        store.keep(first).close();
        store.delete(first.sha256());

        try (ArtifactStore.Kept again = store.keep(stage(store, zip))) {
            assertThat(store.artifactPath(first.sha256())).isRegularFile();
            assertThat(again.codeDirectory().resolve("app.py")).hasContent("x");
        }
    }

    private static StagedCode stage(ArtifactStore store, byte[] zip) throws IOException {
        Path file = store.newStagingFile();
        try (DigestingOutputStream out = new DigestingOutputStream(Files.newOutputStream(file), Long.MAX_VALUE)) {
            out.write(zip);
            out.flush();
            return new StagedCode(file, out.sha256(), out.count());
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
