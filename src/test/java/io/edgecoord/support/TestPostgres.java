package io.edgecoord.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM exits;
 * each Spring context that {@link #register registers} it gets a fresh database of its own.
 * <p>
 * The image is {@value #IMAGE_SETTING} (a system property, else an environment variable; by
 * default {@value #DEFAULT_IMAGE}) when the local engine has it. Nothing is ever pulled: when the
 * image is missing, one is built from {@code src/test/resources/postgres} (Debian's
 * {@code postgresql-15} on {@code debian:bookworm-slim}) and tagged with a hash of its sources, so
 * later runs reuse it and a changed Dockerfile builds anew.
 */
public final class TestPostgres {

    /** Names the image to run. */
    public static final String IMAGE_SETTING = "EDGECOORD_TEST_POSTGRES_IMAGE";

    static final String DEFAULT_IMAGE = "postgres:15";

    private static final String BUILT_REPOSITORY = "edgecoord-test/postgres";

    private static final String[] SOURCES = { "Dockerfile", "entrypoint.sh" };

    private static final Logger logger = LoggerFactory.getLogger(TestPostgres.class);

    private static final AtomicInteger databases = new AtomicInteger();

    private static PostgreSQLContainer container;

    private TestPostgres() {
    }

    /** Points the {@code postgres} profile's datasource settings at a new, empty database. */
    public static void register(DynamicPropertyRegistry registry) {
        PostgreSQLContainer server = container();
        String url = createDatabase(server, "test" + databases.incrementAndGet());
        registry.add("EDGECOORD_DATABASE_URL", () -> url);
        registry.add("EDGECOORD_DATABASE_USER", server::getUsername);
        registry.add("EDGECOORD_DATABASE_PASSWORD", server::getPassword);
    }

    /** The running server, started on the first call. */
    public static synchronized PostgreSQLContainer container() {
        if (container == null) {
            DockerClient docker = DockerClientFactory.instance().client();
            DockerImageName image = choose(configuredImage(), name -> present(docker, name));
            if (!present(docker, image.asCanonicalNameString())) {
                build(image);
            }
            PostgreSQLContainer started = new PostgreSQLContainer(image.asCompatibleSubstituteFor("postgres"))
                    .withDatabaseName("edgecoord").withUsername("edgecoord").withPassword("edgecoord")
                    .withLabel("edgecoord.test", "postgres")
                    .withStartupTimeout(Duration.ofMinutes(2));
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-postgres-stop"));
            container = started;
        }
        return container;
    }

    /** The configured image when the engine has it, else the one built from the repository. */
    static DockerImageName choose(String configured, Predicate<String> present) {
        return present.test(configured) ? DockerImageName.parse(configured) : builtImage();
    }

    static String configuredImage() {
        String configured = System.getProperty(IMAGE_SETTING, System.getenv(IMAGE_SETTING));
        return configured == null || configured.isBlank() ? DEFAULT_IMAGE : configured;
    }

    /** {@code edgecoord-test/postgres:15-<hash of the image's sources>}. */
    static DockerImageName builtImage() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String source : SOURCES) {
                sha256.update(source.getBytes());
                sha256.update(resource(source));
            }
            String hash = HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
            return DockerImageName.parse(BUILT_REPOSITORY + ":15-" + hash);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void build(DockerImageName image) {
        logger.info("{} is not in the local engine; building it from Debian's packages", image);
        long start = System.nanoTime();
        ImageFromDockerfile build = new ImageFromDockerfile(image.asCanonicalNameString(), false);
        for (String source : SOURCES) {
            build.withFileFromClasspath(source, "postgres/" + source);
        }
        build.get();
        logger.info("Built {} in {} s", image, Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        }
        catch (NotFoundException ex) {
            return false;
        }
    }

    private static String createDatabase(PostgreSQLContainer server, String name) {
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
                server.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name + " in " + server.getJdbcUrl(), ex);
        }
        return "jdbc:postgresql://%s:%d/%s".formatted(server.getHost(), server.getMappedPort(5432), name);
    }

    private static byte[] resource(String source) {
        try (InputStream in = TestPostgres.class.getResourceAsStream("/postgres/" + source)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource postgres/" + source);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
