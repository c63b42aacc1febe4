package cn.zs.civil.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Sealed file bytes in a directory the operator names ({@code platform.uploads.directory}), e.g. a mounted volume
 * shared by the nodes: {@code <dir>/<first two characters of the id>/<id>.sealed}. The bytes are sealed before they
 * get here (the same keys as the form data), so the directory holds no readable personal data. A file is written to
 * a temporary name, forced to disk and moved into place, so a reader never sees half a file.
 */
final class DirectoryAttachmentStore implements AttachmentStore {

    static final String NAME = "directory";

    private final Path root;

    DirectoryAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload directory " + this.root + " cannot be created", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean inRow() {
        return false;
    }

    @Override
    public void put(String id, byte[] sealed) {
        Path target = path(id);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(sealed));
                out.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be written to " + root, e);
        }
    }

    @Override
    public byte[] get(String id) {
        try {
            return Files.readAllBytes(path(id));
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be read from " + root, e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be removed from " + root, e);
        }
    }

    /** The file of an id; ids are the platform's UUIDs, anything else is refused before it touches the disk. */
    Path path(String id) {
        UUID uuid = UUID.fromString(id);
        String name = uuid.toString();
        if (!name.equals(id)) {
            throw new IllegalArgumentException("not an attachment id: " + id);
        }
        return root.resolve(name.substring(0, 2)).resolve(name + ".sealed");
    }
}
