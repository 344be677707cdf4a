package io.mailflowkb.plugins.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one {@code collect} call reads, decided once for every collector: the files the engine's walk handed
 * over ({@link CollectionRequest#files()}), or else what {@link CollectionRequest#path()} names (an
 * {@code --input COLLECTOR=PATH}, or a program calling the collector directly). Two shapes, for the two kinds of
 * collector: one export file at a time ({@link #eachFile}), or a whole folder or archive whose facts aggregate
 * over all its files ({@link #allFiles}).
 */
public final class RequestedFiles {

    /** Reads one file of the evidence. */
    @FunctionalInterface
    public interface FileReader {
        void read(EvidenceFile file) throws IOException;
    }

    /** Reads all the files of one request together (they are walked, in walk order). */
    @FunctionalInterface
    public interface FilesReader {
        void read(List<EvidenceFile> files, String display) throws IOException;
    }

    private RequestedFiles() {
    }

    /**
     * For collectors of single export files: each handed file in turn, one that cannot be read at all
     * ({@link InvalidInputException}) skipped with the reason while the others are still read; without handed
     * files, the one file the request names, which must exist and must not be a folder.
     *
     * @param folderReason what to say when the request names a folder
     * @throws NoSuchFileException   the named file does not exist
     * @throws InvalidInputException the named path is a folder, or the named file cannot be read at all
     */
    public static void eachFile(CollectionRequest request, FactSink sink, String folderReason, FileReader reader)
            throws IOException {
        if (!request.files().isEmpty()) {
            for (EvidenceFile f : request.files()) {
                try {
                    reader.read(f);
                } catch (InvalidInputException e) {
                    sink.skipped(f.name(), e.getMessage());
                }
            }
            return;
        }
        Path file = request.path();
        if (file == null || !Files.exists(file)) {
            throw new NoSuchFileException(String.valueOf(file));
        }
        String name = display(request);
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name, null, folderReason);
        }
        reader.read(WalkedFile.onDisk(file, name));
    }

    /**
     * For collectors that read folders and archives: the handed files, or else the walk of the named path (files
     * the walk cannot use are reported to the sink as skipped); the walk's archives stay open while
     * {@code reader} runs.
     *
     * @throws NoSuchFileException   nothing handed over and the named path does not exist
     * @throws InvalidInputException the named path cannot be walked (see {@link EvidenceWalker#walk})
     */
    public static void allFiles(CollectionRequest request, FactSink sink, FilesReader reader) throws IOException {
        Path root = request.path();
        if (request.files().isEmpty() && (root == null || !Files.exists(root))) {
            throw new NoSuchFileException(String.valueOf(root));
        }
        String display = display(request);
        try (EvidenceWalker walker = new EvidenceWalker(WalkLimits.from(request.options()), sink)) {
            List<EvidenceFile> files = request.files();
            if (files.isEmpty()) {
                List<EvidenceFile> walked = new ArrayList<>();
                walker.walk(root, display, walked::add);
                files = walked;
            }
            reader.read(files, display);
        }
    }

    /** How provenance names the request's own path: as the user typed it, else the path itself. */
    private static String display(CollectionRequest request) {
        return request.displayName() != null ? request.displayName() : String.valueOf(request.path());
    }
}
