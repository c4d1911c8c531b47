package org.ossmultipart.camel.oss;

/** The limits OSS sets on multipart uploads and listings: one home for every number the service fixes. */
public final class OssLimits {

    /** Part numbers run from 1 to this. */
    public static final int MAX_PARTS = 10_000;
    /** Every part but the last must be at least this big (OSS's "100 KB" counts in KiB). */
    public static final long MIN_PART_SIZE = 100 * 1024;
    /** The largest part. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** The largest object one PutObject stores. */
    public static final long MAX_PUT_OBJECT_SIZE = 5L * 1024 * 1024 * 1024;
    /** The most a listing page (ListMultipartUploads, ListParts) returns, and its default. */
    public static final int MAX_LIST_PAGE = 1_000;

    /** Tags per object, and the longest tag key and value (characters). */
    public static final int MAX_TAGS = 10;

    public static final int MAX_TAG_KEY = 128;
    public static final int MAX_TAG_VALUE = 256;
    /** All user metadata of an object together: names (without x-oss-meta-) and values, in UTF-8 bytes. */
    public static final int MAX_USER_METADATA_BYTES = 8 * 1024;
    /** x-oss-traffic-limit, in bit/s: 100 KiB/s to 100 MiB/s. */
    public static final long MIN_TRAFFIC_LIMIT = 819_200;

    public static final long MAX_TRAFFIC_LIMIT = 838_860_800;
    /** URLs an upload callback may name, tried in order. */
    public static final int MAX_CALLBACK_URLS = 5;

    private OssLimits() {}

    /** Refuses a part number outside 1..{@value #MAX_PARTS}. */
    public static void checkPartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > MAX_PARTS) {
            throw new IllegalArgumentException("partNumber must be 1.." + MAX_PARTS + ", was " + partNumber);
        }
    }

    /** Refuses a page size outside 1..{@value #MAX_LIST_PAGE}; 0 stands for the server's default. */
    public static void checkPageSize(String name, int pageSize) {
        if (pageSize < 0 || pageSize > MAX_LIST_PAGE) {
            throw new IllegalArgumentException(
                    name + " must be 1.." + MAX_LIST_PAGE + " (0 for the default), was " + pageSize);
        }
    }
}
