package org.ossmultipart.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets, objects and multipart uploads, with the OSS rules that apply to them. HTTP-free: the
 * handler parses requests and renders answers, this class decides.
 */
public final class ObjectStore {

    /** Minimum size of every part but the last, checked at Complete (100 KB as OSS counts it). */
    public static final long MIN_PART_SIZE = 100 * 1024;

    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    public static final int MAX_PART_NUMBER = 10_000;
    public static final Set<String> STORAGE_CLASSES =
            Set.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");
    public static final Set<String> SSE_VALUES = Set.of("AES256", "KMS", "SM4");
    public static final Set<String> ACL_VALUES = Set.of("private", "public-read", "public-read-write", "default");

    /** A part named in a Complete request. */
    public record PartRef(int number, String etag) {}

    /** One page of ListMultipartUploads. */
    public record UploadPage(
            List<Upload> uploads,
            List<String> commonPrefixes,
            boolean truncated,
            String nextKeyMarker,
            String nextUploadIdMarker) {}

    /** One page of ListParts. */
    public record PartPage(List<StoredPart> parts, boolean truncated, int nextPartNumberMarker) {}

    private static final class Bucket {
        final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
        /** Ordered by key, then upload id (ids grow with time, so same-key uploads list oldest first). */
        final ConcurrentSkipListMap<String, Upload> uploads = new ConcurrentSkipListMap<>();

        final Map<String, Upload> uploadsById = new ConcurrentHashMap<>();
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final BlobStore blobs;
    private final AtomicLong uploadSequence = new AtomicLong(System.nanoTime() & 0xFFFFFFFFFFFFL);
    private volatile boolean autoCreateBuckets;
    private final Journal journal;

    public ObjectStore(Clock clock, BlobStore blobs, boolean autoCreateBuckets) {
        this(clock, blobs, autoCreateBuckets, Journal.NONE);
    }

    /** A store whose every change is also appended to {@code journal} (a data directory's index). */
    public ObjectStore(Clock clock, BlobStore blobs, boolean autoCreateBuckets, Journal journal) {
        this.clock = clock;
        this.blobs = blobs;
        this.autoCreateBuckets = autoCreateBuckets;
        this.journal = journal;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Whether an unknown bucket is created by its first request (else NoSuchBucket). */
    public boolean isAutoCreateBuckets() {
        return autoCreateBuckets;
    }

    public void setAutoCreateBuckets(boolean autoCreate) {
        this.autoCreateBuckets = autoCreate;
    }

    public void createBucket(String name) {
        newBucket(name);
    }

    private Bucket newBucket(String name) {
        return buckets.computeIfAbsent(name, n -> {
            journal.bucket(n);
            return new Bucket();
        });
    }

    public boolean hasBucket(String name) {
        return buckets.containsKey(name);
    }

    private Bucket bucket(String name) {
        Bucket b = buckets.get(name);
        if (b == null) {
            if (!autoCreateBuckets) {
                throw OssServiceError.noSuchBucket(name);
            }
            b = newBucket(name);
        }
        return b;
    }

    static void validateKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 1023 || key.startsWith("/") || key.startsWith("\\")) {
            throw new OssServiceError(
                            400,
                            "InvalidObjectName",
                            "The object name must be 1 to 1023 bytes of UTF-8 and must not start with '/' or '\\'.",
                            "0016-00000005")
                    .with("ObjectName", key);
        }
    }

    // ---- objects -------------------------------------------------------------------------------

    public StoredObject putObject(
            String bucketName,
            String key,
            BlobStore.Received body,
            ObjectHeaders headers,
            String storageClass,
            String sse,
            String acl,
            boolean forbidOverwrite) {
        validateKey(key);
        Bucket b = bucket(bucketName);
        StoredObject obj = new StoredObject(
                key,
                List.of(body.blob()),
                body.blob().size(),
                HexFormat.of().withUpperCase().formatHex(body.md5()),
                body.crc64(),
                headers,
                storageClass == null ? "Standard" : storageClass,
                sse,
                acl,
                false,
                clock.instant());
        synchronized (b) {
            if (forbidOverwrite && b.objects.containsKey(key)) {
                body.blob().delete();
                throw fileAlreadyExists();
            }
            StoredObject old = b.objects.put(key, obj);
            journal.put(bucketName, obj);
            if (old != null) {
                old.delete();
            }
        }
        return obj;
    }

    public StoredObject getObject(String bucketName, String key) {
        StoredObject obj = bucket(bucketName).objects.get(key);
        if (obj == null) {
            throw OssServiceError.noSuchKey(key);
        }
        return obj;
    }

    public void deleteObject(String bucketName, String key) {
        Bucket b = bucket(bucketName);
        synchronized (b) {
            StoredObject old = b.objects.remove(key);
            if (old != null) {
                journal.delete(bucketName, key);
                old.delete();
            }
        }
    }

    public Collection<StoredObject> objects(String bucketName) {
        Bucket b = buckets.get(bucketName);
        return b == null ? List.of() : List.copyOf(b.objects.values());
    }

    // ---- multipart -----------------------------------------------------------------------------

    public Upload initiate(
            String bucketName,
            String key,
            ObjectHeaders headers,
            String storageClass,
            String sse,
            boolean forbidOverwrite) {
        validateKey(key);
        Bucket b = bucket(bucketName);
        String uploadId = String.format(
                "%016X%016X",
                uploadSequence.incrementAndGet(), ThreadLocalRandom.current().nextLong());
        Upload upload = new Upload(
                bucketName,
                key,
                uploadId,
                clock.instant(),
                storageClass == null ? "Standard" : storageClass,
                headers,
                sse,
                forbidOverwrite);
        synchronized (b) {
            b.uploads.put(uploadKey(key, uploadId), upload);
            b.uploadsById.put(uploadId, upload);
            journal.initiate(upload);
        }
        return upload;
    }

    private static String uploadKey(String key, String uploadId) {
        return key + '\u0000' + uploadId;
    }

    public Upload upload(String bucketName, String key, String uploadId) {
        Upload u = uploadId == null ? null : bucket(bucketName).uploadsById.get(uploadId);
        if (u == null || !u.key.equals(key)) {
            throw OssServiceError.noSuchUpload(uploadId);
        }
        return u;
    }

    public static int checkPartNumber(String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_PART_NUMBER) {
            throw OssServiceError.invalidArgument(
                    "Part number must be an integer between 1 and 10000, inclusive.", "partNumber", value);
        }
        return n;
    }

    public StoredPart putPart(String bucketName, String key, String uploadId, int partNumber, BlobStore.Received body) {
        Bucket b = bucket(bucketName);
        StoredPart part = new StoredPart(
                partNumber,
                body.blob(),
                HexFormat.of().withUpperCase().formatHex(body.md5()),
                body.md5(),
                body.crc64(),
                clock.instant());
        synchronized (b) {
            Upload u;
            try {
                u = upload(bucketName, key, uploadId);
            } catch (OssServiceError e) {
                body.blob().delete();
                throw e;
            }
            StoredPart old = u.parts.put(partNumber, part);
            journal.part(bucketName, uploadId, part);
            if (old != null) {
                old.blob().delete();
            }
        }
        return part;
    }

    /**
     * Commits the upload with the listed parts (or, with {@code completeAll}, every stored part).
     * Checks order, existence, ETags and the minimum part size like OSS does.
     */
    public StoredObject complete(
            String bucketName,
            String key,
            String uploadId,
            List<PartRef> requested,
            boolean completeAll,
            boolean forbidOverwrite,
            String acl) {
        Bucket b = bucket(bucketName);
        synchronized (b) {
            Upload u = upload(bucketName, key, uploadId);
            List<StoredPart> chosen = new ArrayList<>();
            if (completeAll) {
                chosen.addAll(u.parts.values());
            } else {
                if (requested.isEmpty()) {
                    throw OssServiceError.malformedXml("the part list is empty");
                }
                int last = 0;
                for (PartRef ref : requested) {
                    if (ref.number() <= last) {
                        throw new OssServiceError(
                                        400,
                                        "InvalidPartOrder",
                                        "The list of parts was not in ascending order. Parts must be ordered by part number.",
                                        "0042-00000209")
                                .with("UploadId", uploadId);
                    }
                    last = ref.number();
                    StoredPart p = u.parts.get(ref.number());
                    if (p == null || !p.md5Hex().equalsIgnoreCase(stripQuotes(ref.etag()))) {
                        throw new OssServiceError(
                                        400,
                                        "InvalidPart",
                                        "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
                                        "0042-00000213")
                                .with("ETag", ref.etag())
                                .with("PartNumber", Integer.toString(ref.number()))
                                .with("UploadId", uploadId);
                    }
                    chosen.add(p);
                }
            }
            if (chosen.isEmpty()) {
                throw OssServiceError.malformedXml("the upload has no parts");
            }
            for (int i = 0; i < chosen.size() - 1; i++) {
                if (chosen.get(i).size() < MIN_PART_SIZE) {
                    throw new OssServiceError(
                                    400,
                                    "EntityTooSmall",
                                    "Your proposed upload smaller than the minimum allowed size.",
                                    "0042-00000210")
                            .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE))
                            .with("ProposedSize", Long.toString(chosen.get(i).size()))
                            .with("PartNumber", Integer.toString(chosen.get(i).number()));
                }
            }
            if ((forbidOverwrite || u.forbidOverwrite) && b.objects.containsKey(key)) {
                throw fileAlreadyExists();
            }
            MessageDigest md5OfMd5s = BlobStore.md5();
            long crc = 0;
            long size = 0;
            List<Blob> segments = new ArrayList<>(chosen.size());
            for (StoredPart p : chosen) {
                md5OfMd5s.update(p.md5());
                crc = ServerCrc64.combine(crc, p.crc64(), p.size());
                size += p.size();
                segments.add(p.blob());
            }
            String etag = HexFormat.of().withUpperCase().formatHex(md5OfMd5s.digest()) + "-" + chosen.size();
            StoredObject obj = new StoredObject(
                    key,
                    List.copyOf(segments),
                    size,
                    etag,
                    crc,
                    u.headers,
                    u.storageClass,
                    u.serverSideEncryption,
                    acl,
                    true,
                    clock.instant());
            // parts not named in the list are dropped with the upload
            Set<StoredPart> used = Set.copyOf(chosen);
            u.parts.values().stream()
                    .filter(p -> !used.contains(p))
                    .forEach(p -> p.blob().delete());
            removeUpload(b, u);
            StoredObject old = b.objects.put(key, obj);
            journal.complete(
                    bucketName,
                    uploadId,
                    obj,
                    chosen.stream().map(StoredPart::number).toList());
            if (old != null) {
                old.delete();
            }
            return obj;
        }
    }

    public void abort(String bucketName, String key, String uploadId) {
        Bucket b = bucket(bucketName);
        synchronized (b) {
            Upload u = upload(bucketName, key, uploadId);
            removeUpload(b, u);
            journal.abort(bucketName, uploadId);
            u.parts.values().forEach(p -> p.blob().delete());
        }
    }

    private static void removeUpload(Bucket b, Upload u) {
        b.uploads.remove(uploadKey(u.key, u.uploadId));
        b.uploadsById.remove(u.uploadId);
    }

    public UploadPage listUploads(
            String bucketName,
            String prefix,
            String delimiter,
            String keyMarker,
            String uploadIdMarker,
            int maxUploads) {
        Bucket b = bucket(bucketName);
        String pfx = prefix == null ? "" : prefix;
        NavigableMap<String, Upload> view;
        String start;
        if (keyMarker == null || keyMarker.isEmpty()) {
            view = b.uploads;
            start = "";
        } else if (uploadIdMarker == null || uploadIdMarker.isEmpty()) {
            // keys strictly after the marker: skip every upload of the marker key
            start = keyMarker + '\u0001';
            view = b.uploads.tailMap(start, true);
        } else {
            start = uploadKey(keyMarker, uploadIdMarker);
            view = b.uploads.tailMap(start, false);
        }
        if (pfx.compareTo(start) > 0) {
            view = b.uploads.tailMap(pfx, true);
        }
        List<Upload> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastPrefix = null;
        Upload last = null;
        boolean truncated = false;
        for (Upload u : view.values()) {
            if (!u.key.startsWith(pfx)) {
                if (u.key.compareTo(pfx) > 0) {
                    break;
                }
                continue;
            }
            String common = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int at = u.key.indexOf(delimiter, pfx.length());
                if (at >= 0) {
                    common = u.key.substring(0, at + delimiter.length());
                }
            }
            if (common != null && common.equals(lastPrefix)) {
                last = u;
                continue;
            }
            if (page.size() + prefixes.size() >= maxUploads) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastPrefix = common;
            } else {
                page.add(u);
            }
            last = u;
        }
        return new UploadPage(
                page,
                prefixes,
                truncated,
                truncated && last != null ? last.key : null,
                truncated && last != null ? last.uploadId : null);
    }

    public PartPage listParts(String bucketName, String key, String uploadId, int partNumberMarker, int maxParts) {
        Upload u = upload(bucketName, key, uploadId);
        List<StoredPart> page = new ArrayList<>();
        boolean truncated = false;
        for (StoredPart p : u.parts.tailMap(partNumberMarker, false).values()) {
            if (page.size() >= maxParts) {
                truncated = true;
                break;
            }
            page.add(p);
        }
        int next = page.isEmpty() ? partNumberMarker : page.get(page.size() - 1).number();
        return new PartPage(page, truncated, next);
    }

    public List<Upload> uploads(String bucketName) {
        Bucket b = buckets.get(bucketName);
        return b == null ? List.of() : List.copyOf(b.uploads.values());
    }

    public List<Upload> allUploads() {
        List<Upload> all = new ArrayList<>();
        buckets.values().forEach(b -> all.addAll(b.uploads.values()));
        return all;
    }

    /** Deletes every bucket, object and upload. */
    public void clear() {
        for (Bucket b : buckets.values()) {
            synchronized (b) {
                b.objects.values().forEach(StoredObject::delete);
                b.uploads
                        .values()
                        .forEach(u -> u.parts.values().forEach(p -> p.blob().delete()));
            }
        }
        buckets.clear();
        journal.clear();
    }

    // ---- restart from a data directory -----------------------------------------------------------

    /** What a restore found. */
    public record Restored(int buckets, int objects, int uploads, int parts, Set<String> blobIds) {}

    /**
     * Rebuilds buckets, objects and in-progress uploads from a journal's lines ({@code blob} gives the
     * stored bytes of a blob id and size), then starts the journal afresh with that state, so that it
     * does not grow run after run.
     */
    public Restored restore(List<String[]> lines, java.util.function.BiFunction<String, Long, Blob> blob) {
        for (String[] f : lines) {
            Bucket b = f.length > 1 ? buckets.computeIfAbsent(f[1], n -> new Bucket()) : null;
            switch (f[0]) {
                case "bucket" -> {
                    // created above
                }
                case "put" -> {
                    List<Blob> segments = new ArrayList<>();
                    for (String s : f[3].split(",")) {
                        int colon = s.lastIndexOf(':');
                        segments.add(blob.apply(s.substring(0, colon), Long.parseLong(s.substring(colon + 1))));
                    }
                    b.objects.put(
                            f[2],
                            new StoredObject(
                                    f[2],
                                    List.copyOf(segments),
                                    Long.parseLong(f[4]),
                                    f[5],
                                    Long.parseLong(f[6]),
                                    Journal.headersOf(f[12]),
                                    f[7],
                                    f[8],
                                    f[9],
                                    Boolean.parseBoolean(f[11]),
                                    Journal.instant(f[10])));
                }
                case "delete" -> b.objects.remove(f[2]);
                case "initiate" -> {
                    Upload u = new Upload(
                            f[1],
                            f[2],
                            f[3],
                            Journal.instant(f[4]),
                            f[5],
                            Journal.headersOf(f[8]),
                            f[6],
                            Boolean.parseBoolean(f[7]));
                    b.uploads.put(uploadKey(u.key, u.uploadId), u);
                    b.uploadsById.put(u.uploadId, u);
                }
                case "part" -> {
                    Upload u = b.uploadsById.get(f[2]);
                    if (u != null) {
                        int n = Integer.parseInt(f[3]);
                        u.parts.put(
                                n,
                                new StoredPart(
                                        n,
                                        blob.apply(f[4], Long.parseLong(f[5])),
                                        f[6],
                                        HexFormat.of().parseHex(f[6]),
                                        Long.parseLong(f[7]),
                                        Journal.instant(f[8])));
                    }
                }
                case "complete" -> {
                    Upload u = b.uploadsById.get(f[2]);
                    if (u != null) {
                        List<Blob> segments = new ArrayList<>();
                        long size = 0;
                        for (String n : f[7].split(",")) {
                            StoredPart p = u.parts.get(Integer.parseInt(n));
                            segments.add(p.blob());
                            size += p.size();
                        }
                        removeUpload(b, u);
                        b.objects.put(
                                u.key,
                                new StoredObject(
                                        u.key,
                                        List.copyOf(segments),
                                        size,
                                        f[3],
                                        Long.parseLong(f[4]),
                                        u.headers,
                                        u.storageClass,
                                        u.serverSideEncryption,
                                        f[5],
                                        true,
                                        Journal.instant(f[6])));
                    }
                }
                case "abort" -> {
                    Upload u = b.uploadsById.get(f[2]);
                    if (u != null) {
                        removeUpload(b, u);
                    }
                }
                default -> throw new IllegalStateException("unknown journal entry " + f[0]);
            }
        }
        Set<String> ids = new java.util.HashSet<>();
        int objects = 0;
        int uploads = 0;
        int parts = 0;
        journal.restart();
        for (Map.Entry<String, Bucket> e : buckets.entrySet()) {
            journal.bucket(e.getKey());
            for (StoredObject o : e.getValue().objects.values()) {
                o.segments().forEach(s -> ids.add(s.id()));
                journal.put(e.getKey(), o);
                objects++;
            }
            for (Upload u : e.getValue().uploads.values()) {
                journal.initiate(u);
                uploads++;
                for (StoredPart p : u.parts.values()) {
                    ids.add(p.blob().id());
                    journal.part(e.getKey(), u.uploadId, p);
                    parts++;
                }
            }
        }
        return new Restored(buckets.size(), objects, uploads, parts, ids);
    }

    public static String stripQuotes(String etag) {
        if (etag == null) {
            return "";
        }
        String s = etag.trim();
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static OssServiceError fileAlreadyExists() {
        return new OssServiceError(
                409,
                "FileAlreadyExists",
                "The object you specified already exists and can not be overwritten.",
                "0042-00000214");
    }
}
