package org.ossmultipart.camel.oss.model;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ossmultipart.camel.oss.OssLimits;

/**
 * Settings of the object being created and of the requests that create it, each sent where OSS
 * honours it: headers, metadata and tags on PutObject or InitiateMultipartUpload; the ACL and
 * forbid-overwrite on PutObject or CompleteMultipartUpload; the callback on PutObject or
 * CompleteMultipartUpload, never on Initiate; the traffic limit on PutObject and every UploadPart.
 * Values are checked here, before any request.
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
    private final ObjectTags tags;
    private final String cacheControl;
    private final String contentDisposition;
    private final String contentEncoding;
    private final String expires;
    private final UploadCallback callback;
    private final String callbackVariables;
    private final long trafficLimit;

    private ObjectOptions(Builder b) {
        this.tags = b.tags;
        this.cacheControl = b.cacheControl;
        this.contentDisposition = b.contentDisposition;
        this.contentEncoding = b.contentEncoding;
        this.expires = b.expires;
        this.callback = b.callback;
        this.callbackVariables = b.callbackVariables;
        this.trafficLimit = b.trafficLimit;
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

    /** The object's tags, or null. */
    public ObjectTags tags() {
        return tags;
    }

    public String cacheControl() {
        return cacheControl;
    }

    public String contentDisposition() {
        return contentDisposition;
    }

    public String contentEncoding() {
        return contentEncoding;
    }

    public String expires() {
        return expires;
    }

    /** The upload callback, or null. */
    public UploadCallback callback() {
        return callback;
    }

    /** The {@code x-oss-callback-var} value, or null. */
    public String callbackVariables() {
        return callbackVariables;
    }

    /** Bits per second for {@code x-oss-traffic-limit}; 0 for none. */
    public long trafficLimit() {
        return trafficLimit;
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
        private ObjectTags tags;
        private String cacheControl;
        private String contentDisposition;
        private String contentEncoding;
        private String expires;
        private UploadCallback callback;
        private String callbackVariables;
        private long trafficLimit;

        public Builder contentType(String v) {
            this.contentType = HeaderValues.ascii("contentType", blankToNull(v));
            return this;
        }

        public Builder tags(ObjectTags v) {
            this.tags = v;
            return this;
        }

        public Builder cacheControl(String v) {
            this.cacheControl = HeaderValues.ascii("cacheControl", blankToNull(v));
            return this;
        }

        /** A file name with other characters than ASCII is encoded as RFC 6266 says ({@code filename*=UTF-8''...}). */
        public Builder contentDisposition(String v) {
            this.contentDisposition = HeaderValues.contentDisposition("contentDisposition", blankToNull(v));
            return this;
        }

        public Builder contentEncoding(String v) {
            this.contentEncoding = HeaderValues.ascii("contentEncoding", blankToNull(v));
            return this;
        }

        /** An HTTP date (RFC 1123), e.g. {@code Wed, 21 Oct 2026 07:28:00 GMT}. */
        public Builder expires(String v) {
            String value = HeaderValues.ascii("expires", blankToNull(v));
            if (value != null) {
                try {
                    DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "expires must be an HTTP date such as Wed, 21 Oct 2026 07:28:00 GMT, was '" + v + "'");
                }
            }
            this.expires = value;
            return this;
        }

        public Builder callback(UploadCallback v) {
            this.callback = v;
            return this;
        }

        /** Custom callback variables ({@code ${x:name}}); see {@link UploadCallback#variablesHeader}. */
        public Builder callbackVariables(Map<?, ?> vars) {
            this.callbackVariables = UploadCallback.variablesHeader("callback variables", vars);
            return this;
        }

        /** Bits per second (see {@link TrafficLimit}); 0 for none. */
        public Builder trafficLimit(long bitsPerSecond) {
            if (bitsPerSecond != 0
                    && (bitsPerSecond < OssLimits.MIN_TRAFFIC_LIMIT || bitsPerSecond > OssLimits.MAX_TRAFFIC_LIMIT)) {
                throw new IllegalArgumentException("trafficLimit must be " + OssLimits.MIN_TRAFFIC_LIMIT + ".."
                        + OssLimits.MAX_TRAFFIC_LIMIT + " bit/s, was " + bitsPerSecond);
            }
            this.trafficLimit = bitsPerSecond;
            return this;
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.trim();
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

        /**
         * User metadata, sent as {@code x-oss-meta-<name>}: names of letters, digits and '-' (OSS refuses
         * others; they are lower-cased as OSS stores them), values an HTTP header can carry, at most
         * {@value OssLimits#MAX_USER_METADATA_BYTES} bytes together as OSS allows.
         */
        public Builder userMetadata(Map<String, String> meta) {
            if (meta == null) {
                return this;
            }
            meta.forEach((k, v) -> {
                if (k == null || k.isEmpty() || !k.chars().allMatch(Builder::metadataNameChar)) {
                    throw new IllegalArgumentException(
                            "user metadata names must be letters, digits and '-' (OSS refuses others), was '" + k
                                    + "'");
                }
                String value = HeaderValues.ascii("the user metadata entry '" + k + "'", v == null ? "" : v);
                userMetadata.put(k.toLowerCase(Locale.ROOT), value);
            });
            int bytes = userMetadata.entrySet().stream()
                    .mapToInt(e -> e.getKey().length() + e.getValue().length())
                    .sum();
            if (bytes > OssLimits.MAX_USER_METADATA_BYTES) {
                throw new IllegalArgumentException("user metadata is " + bytes + " bytes (names and values), OSS keeps"
                        + " at most " + OssLimits.MAX_USER_METADATA_BYTES + ", names: " + userMetadata.keySet());
            }
            return this;
        }

        private static boolean metadataNameChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
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
