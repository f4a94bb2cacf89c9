package io.edgecoord.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        return javaJar(Map.of(className.replace('.', '/') + ".java", source), List.of());
    }

    /**
     * Compiles Java sources (path in the source tree → content) against {@code aws-lambda-java-core}
     * and {@code classpath} for Java 17 and packs their classes, and only theirs, into a jar.
     */
    public static byte[] javaJar(Map<String, String> sources, List<Path> classpath) {
        try {
            Path work = Files.createTempDirectory("ec-java");
            List<String> arguments = new ArrayList<>();
            String lambdaCore = Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
            StringBuilder path = new StringBuilder(lambdaCore);
            classpath.forEach(entry -> path.append(File.pathSeparator).append(entry));
            arguments.addAll(List.of("--release", "17", "-proc:none", "-cp", path.toString(), "-d",
                    work.resolve("classes").toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src").resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("javac failed for " + sources.keySet());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Path classes = work.resolve("classes");
            try (JarOutputStream jar = new JarOutputStream(bytes); var walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not build a jar of " + sources.keySet(), ex);
        }
    }
}
