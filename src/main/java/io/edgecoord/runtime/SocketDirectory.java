package io.edgecoord.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder {@code <socketRoot>/<environmentId>/} that holds one environment's
 * {@code runtime.sock} and is bind-mounted into its container.
 *
 * @param path the folder, absolute
 */
record SocketDirectory(Path path) {

    static final String SOCKET_NAME = "runtime.sock";

    private static final Logger log = LoggerFactory.getLogger(SocketDirectory.class);
    private static final Pattern ENVIRONMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /** The folder for an environment, refused if the id is no plain file name or the path is too long. */
    static SocketDirectory of(Path socketRoot, String environmentId) {
        if (environmentId == null || !ENVIRONMENT_ID.matcher(environmentId).matches()) {
            throw new RuntimeEndpointOpenException("Environment id '" + environmentId
                    + "' is not usable as a folder name (letters, digits, '_', '.', '-'; at most 128)");
        }
        SocketDirectory directory = new SocketDirectory(socketRoot.toAbsolutePath().normalize().resolve(environmentId));
        int length = directory.socket().toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > UnixDomainServerConnector.MAX_UNIX_DOMAIN_PATH_LENGTH) {
            throw new RuntimeEndpointOpenException("Runtime API socket path " + directory.socket() + " is "
                    + length + " bytes, over the OS limit of " + UnixDomainServerConnector.MAX_UNIX_DOMAIN_PATH_LENGTH
                    + "; choose a shorter edgecoord.runtime.socket-root or environment id");
        }
        return directory;
    }

    Path socket() {
        return path.resolve(SOCKET_NAME);
    }

    /** Creates the folder (0755) and removes a socket a previous run left behind. */
    void create() {
        try {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.deleteIfExists(socket());
        }
        catch (IOException ex) {
            throw new RuntimeEndpointOpenException("Cannot create Runtime API folder " + path + ": " + ex, ex);
        }
    }

    /** Lets the container's non-root user connect (mode 0666). */
    void openSocketToAll() {
        try {
            Files.setPosixFilePermissions(socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        catch (IOException ex) {
            throw new RuntimeEndpointOpenException("Cannot open " + socket() + " to the container's user: " + ex, ex);
        }
    }

    /** Removes the socket and the folder; a folder someone else put files in is left, with a warning. */
    void delete() {
        try {
            Files.deleteIfExists(socket());
            Files.deleteIfExists(path);
        }
        catch (DirectoryNotEmptyException ex) {
            log.warn("Runtime API folder {} is not empty, so it was left in place", path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot delete Runtime API folder " + path, ex);
        }
    }
}
