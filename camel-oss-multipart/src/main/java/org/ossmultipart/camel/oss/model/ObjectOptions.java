package org.ossmultipart.camel.oss.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the object being created (PutObject, InitiateMultipartUpload, and the ACL /
 * forbid-overwrite of CompleteMultipartUpload). Values are checked here, before any request.
 */
public final class ObjectOptions {

    public static final Set<String> STORAGE_CLASSES =
            Set.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");
    public static final Set<String> SERVER_SIDE_ENCRYPTIONS = Set.of("AES256", "KMS", "SM4");
    public static final Set<String> OBJECT_ACLS = Set.of("private", "public-read", "public-read-write", "default");

    private static final ObjectOptions NONE = new Builder().build();

    private final String contentType;
    private final String storageClass;
    private final String serverSideEncryption;
    private final String objectAcl;
    private final boolean forbidOverwrite;
    private final Map<String, String> userMetadata;

    private ObjectOptions(Builder b) {
        this.contentType = b.contentType;
        this.storageClass = b.storageClass;
        this.serverSideEncryption = b.serverSideEncryption;
        this.objectAcl = b.objectAcl;
        this.forbidOverwrite = b.forbidOverwrite;
        this.userMetadata = Map.copyOf(b.userMetadata);
    }

    public static ObjectOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String contentType() {
        return contentType;
    }

    public String storageClass() {
        return storageClass;
    }

    public String serverSideEncryption() {
        return serverSideEncryption;
    }

    public String objectAcl() {
        return objectAcl;
    }

    public boolean forbidOverwrite() {
        return forbidOverwrite;
    }

    public Map<String, String> userMetadata() {
        return userMetadata;
    }

    /**
     * Checks the settings that have a fixed set of values (what the builder checks too), naming the
     * allowed ones when one is wrong: for options read long before an object is written.
     */
    public static void validate(String storageClass, String serverSideEncryption, String objectAcl) {
        Builder.oneOf("storageClass", storageClass, STORAGE_CLASSES);
        Builder.oneOf("serverSideEncryption", serverSideEncryption, SERVER_SIDE_ENCRYPTIONS);
        Builder.oneOf("objectAcl", objectAcl, OBJECT_ACLS);
    }

    /** Builder; each setter validates its value and names the allowed ones when it is wrong. */
    public static final class Builder {
        private String contentType;
        private String storageClass;
        private String serverSideEncryption;
        private String objectAcl;
        private boolean forbidOverwrite;
        private final Map<String, String> userMetadata = new LinkedHashMap<>();

        public Builder contentType(String v) {
            this.contentType = v == null || v.isBlank() ? null : v;
            return this;
        }

        public Builder storageClass(String v) {
            this.storageClass = oneOf("storageClass", v, STORAGE_CLASSES);
            return this;
        }

        public Builder serverSideEncryption(String v) {
            this.serverSideEncryption = oneOf("serverSideEncryption", v, SERVER_SIDE_ENCRYPTIONS);
            return this;
        }

        public Builder objectAcl(String v) {
            this.objectAcl = oneOf("objectAcl", v, OBJECT_ACLS);
            return this;
        }

        public Builder forbidOverwrite(boolean v) {
            this.forbidOverwrite = v;
            return this;
        }

        /** User metadata, sent as {@code x-oss-meta-<name>}; names are lower-cased like OSS does. */
        public Builder userMetadata(Map<String, String> meta) {
            if (meta != null) {
                meta.forEach((k, v) -> {
                    if (k == null || k.isBlank() || !k.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                        throw new IllegalArgumentException(
                                "user metadata names must be printable ASCII without spaces or ':', was '" + k + "'");
                    }
                    userMetadata.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v);
                });
            }
            return this;
        }

        public ObjectOptions build() {
            return new ObjectOptions(this);
        }

        private static String oneOf(String option, String value, Set<String> allowed) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(
                        option + " must be one of " + new TreeSet<>(allowed) + ", was '" + value + "'");
            }
            return value;
        }
    }
}
