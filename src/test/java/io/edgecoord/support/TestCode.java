package io.edgecoord.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Makes code artifacts for tests: zips, and jars compiled here from Java source. */
public final class TestCode {

    private TestCode() {
    }

    /** A zip of the given files (name → content). */
    public static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Compiles one Java class against {@code aws-lambda-java-core} for Java 17 (the runtime image's
     * JRE) and packs it into a jar.
     */
    public static byte[] javaHandlerJar(String className, String source) {
        try {
            Path work = Files.createTempDirectory("ec-java");
            Path file = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
            Files.writeString(file, source);
            String lambdaCore = Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, List.of("--release", "17", "-cp", lambdaCore, "-d",
                    work.resolve("classes").toString(), file.toString()).toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("javac failed for " + className);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Path classes = work.resolve("classes");
            try (JarOutputStream jar = new JarOutputStream(bytes); var walk = Files.walk(classes)) {
                for (Path path : walk.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(path).toString()));
                    jar.write(Files.readAllBytes(path));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not build a jar for " + className, ex);
        }
    }
}
