package io.edgecoord.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bridge's on-disk spool: one file a message, named by a sequence number, so the order survives
 * a restart; bounded in messages and bytes, the oldest dropped past either bound (and counted by
 * the caller). Messages leave only once the upstream took them. Thread-safe.
 */
final class Spool {

    /** A spooled message. */
    record Message(long sequence, String topic, byte[] payload, int qos, boolean retain) {
    }

    private final Path directory;
    private final int maxMessages;
    private final long maxBytes;
    private final TreeMap<Long, Long> sizes = new TreeMap<>();
    private long bytes;
    private long next;

    Spool(Path directory, int maxMessages, long maxBytes) {
        this.directory = directory;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".msg")).forEach(file -> {
                    long sequence = Long.parseLong(file.getFileName().toString().replace(".msg", ""));
                    long size = file.toFile().length();
                    sizes.put(sequence, size);
                    bytes += size;
                });
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The MQTT bridge's spool " + directory + " is not usable: " + ex.getMessage(), ex);
        }
        next = sizes.isEmpty() ? 1 : sizes.lastKey() + 1;
    }

    /** Adds a message at the end; returns how many of the oldest were dropped to keep the bounds. */
    synchronized int append(String topic, byte[] payload, int qos, boolean retain) {
        byte[] record = encode(topic, payload, qos, retain);
        long sequence = next++;
        write(file(sequence), record);
        sizes.put(sequence, (long) record.length);
        bytes += record.length;
        int dropped = 0;
        while (sizes.size() > maxMessages || (bytes > maxBytes && sizes.size() > 1)) {
            remove(sizes.firstKey());
            dropped++;
        }
        return dropped;
    }

    /** The oldest message, if any. */
    synchronized Optional<Message> oldest() {
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        long sequence = sizes.firstKey();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file(sequence)))) {
            String topic = in.readUTF();
            int qos = in.readByte();
            boolean retain = in.readBoolean();
            byte[] payload = in.readAllBytes();
            return Optional.of(new Message(sequence, topic, payload, qos, retain));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("A spooled MQTT message " + file(sequence) + " is unreadable: " + ex.getMessage(), ex);
        }
    }

    /** Removes a message (delivered, or dropped). */
    synchronized void remove(long sequence) {
        Long size = sizes.remove(sequence);
        if (size != null) {
            bytes -= size;
            try {
                Files.deleteIfExists(file(sequence));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("A spooled MQTT message " + file(sequence) + " cannot be removed", ex);
            }
        }
    }

    synchronized int size() {
        return sizes.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private Path file(long sequence) {
        return directory.resolve("%019d.msg".formatted(sequence));
    }

    private static byte[] encode(String topic, byte[] payload, int qos, boolean retain) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(payload.length + topic.length() + 8);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeUTF(topic); // at most 65,535 bytes, as an MQTT topic (TopicNames.MAX_BYTES)
            out.writeByte(qos);
            out.writeBoolean(retain);
            out.write(payload);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buffer.toByteArray();
    }

    private static void write(Path file, byte[] record) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, record);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The MQTT bridge cannot spool to " + file + ": " + ex.getMessage(), ex);
        }
    }
}
