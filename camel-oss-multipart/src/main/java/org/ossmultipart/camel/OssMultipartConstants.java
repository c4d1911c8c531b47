package org.ossmultipart.camel;

import org.apache.camel.spi.Metadata;

/** The message headers of the oss-multipart component. */
public final class OssMultipartConstants {

    @Metadata(
            label = "producer consumer",
            description = "The object key. Producer: wins over the keyName option and CamelFileName. "
                    + "Consumer: the key of the stale upload.",
            javaType = "String")
    public static final String KEY = "CamelOssKey";

    @Metadata(
            description =
                    "The multipart upload id. Producer output of upload and initiateMultipartUpload; input of uploadPart, "
                            + "completeMultipartUpload, abortMultipartUpload, listParts, and of upload when resume is true; consumer: the "
                            + "stale upload.",
            javaType = "String")
    public static final String UPLOAD_ID = "CamelOssUploadId";

    @Metadata(label = "producer", description = "The part number (1..10000) for uploadPart.", javaType = "Integer")
    public static final String PART_NUMBER = "CamelOssPartNumber";

    @Metadata(
            label = "producer",
            description = "The ETag of the uploaded part or object (without quotes).",
            javaType = "String")
    public static final String E_TAG = "CamelOssETag";

    @Metadata(
            label = "producer",
            description = "The CRC-64 of the part or object as OSS writes it (unsigned decimal).",
            javaType = "String")
    public static final String CRC64 = "CamelOssCrc64";

    @Metadata(label = "producer", description = "The size of the stored object in bytes.", javaType = "Long")
    public static final String OBJECT_SIZE = "CamelOssObjectSize";

    @Metadata(
            label = "producer consumer",
            description = "The number of parts of the object (producer) or of the stale upload "
                    + "(consumer, when its parts were listed: staleBy=lastActivity or includeParts).",
            javaType = "Integer")
    public static final String PART_COUNT = "CamelOssPartCount";

    @Metadata(
            label = "producer",
            description = "After upload: how long the upload took, in milliseconds (with the other CamelOssUpload*"
                    + " headers a per-file audit record; retries are counted by the meters).",
            javaType = "Long")
    public static final String UPLOAD_DURATION = "CamelOssUploadDuration";

    @Metadata(
            label = "producer",
            description = "After upload: the average rate of the upload in MiB/s.",
            javaType = "Double")
    public static final String UPLOAD_RATE = "CamelOssUploadRate";

    @Metadata(
            label = "producer",
            description = "After upload: parts taken over from an unfinished upload by resume (0 otherwise).",
            javaType = "Integer")
    public static final String PARTS_REUSED = "CamelOssPartsReused";

    @Metadata(
            label = "producer",
            description = "The request id of the last OSS request (quote it to Alibaba Cloud support).",
            javaType = "String")
    public static final String REQUEST_ID = "CamelOssRequestId";

    @Metadata(
            label = "producer",
            description = "The operation to perform; wins over the operation option.",
            javaType = "org.ossmultipart.camel.OssMultipartOperation")
    public static final String OPERATION = "CamelOssOperation";

    @Metadata(
            label = "producer",
            description = "The content type of the object; wins over the contentType option and " + "Content-Type.",
            javaType = "String")
    public static final String CONTENT_TYPE = "CamelOssContentType";

    @Metadata(
            label = "producer",
            description = "User metadata of the object, sent as headers with the x-oss-meta- prefix.",
            javaType = "java.util.Map<String, String>")
    public static final String USER_METADATA = "CamelOssUserMetadata";

    @Metadata(
            label = "producer",
            description = "The object's tags: k1=v1&k2=v2 (URL-encoded) or a Map; replaces the tagging option whole"
                    + " (x-oss-tagging on PutObject or InitiateMultipartUpload).",
            javaType = "Object")
    public static final String TAGGING = "CamelOssTagging";

    @Metadata(
            label = "producer",
            description = "The object's Cache-Control; wins over the cacheControl option.",
            javaType = "String")
    public static final String CACHE_CONTROL = "CamelOssCacheControl";

    @Metadata(
            label = "producer",
            description = "The object's Content-Disposition; wins over the contentDisposition option. A file name in"
                    + " other characters than ASCII is sent as filename*=UTF-8''... (RFC 6266).",
            javaType = "String")
    public static final String CONTENT_DISPOSITION = "CamelOssContentDisposition";

    @Metadata(
            label = "producer",
            description = "The object's Content-Encoding; wins over the contentEncoding option.",
            javaType = "String")
    public static final String CONTENT_ENCODING = "CamelOssContentEncoding";

    @Metadata(
            label = "producer",
            description = "The object's Expires (an HTTP date); wins over the expires option.",
            javaType = "String")
    public static final String EXPIRES = "CamelOssExpires";

    @Metadata(
            label = "producer",
            description =
                    "The whole upload callback as OSS takes it (JSON with callbackUrl, callbackBody...); wins over"
                            + " the callback* options. Sent on CompleteMultipartUpload or PutObject, never on Initiate.",
            javaType = "String")
    public static final String CALLBACK = "CamelOssCallback";

    @Metadata(
            label = "producer",
            description = "Custom callback variables (Map): name -> value, referenced in the callback body as"
                    + " ${x:name}; names are lower case (x: is added when missing).",
            javaType = "java.util.Map<String, String>")
    public static final String CALLBACK_VAR = "CamelOssCallbackVar";

    @Metadata(
            label = "producer",
            description = "After upload with a callback: the body the callback server answered, as OSS relays it;"
                    + " when the callback failed, OSS's message (CamelOssCallbackStatus says which).",
            javaType = "String")
    public static final String CALLBACK_RESULT = "CamelOssCallbackResult";

    @Metadata(
            label = "producer",
            description = "After upload with a callback: succeeded, failed (OSS answered 203 CallbackFailed; the object"
                    + " is stored and the exchange succeeds) or unknown (the answer was lost and a retry found the"
                    + " object stored).",
            javaType = "String")
    public static final String CALLBACK_STATUS = "CamelOssCallbackStatus";

    @Metadata(
            label = "producer",
            description = "The traffic limit of this exchange's PutObject and UploadPart requests (800KiB/s, 10MiB/s,"
                    + " or bit/s); wins over the trafficLimit option.",
            javaType = "String")
    public static final String TRAFFIC_LIMIT = "CamelOssTrafficLimit";

    @Metadata(
            label = "producer",
            description = "The parts for completeMultipartUpload; without it, every uploaded part is used.",
            javaType = "java.util.List<org.ossmultipart.camel.oss.model.PartETag>")
    public static final String PART_ETAGS = "CamelOssPartETags";

    @Metadata(label = "consumer", description = "When the stale upload was initiated.", javaType = "java.time.Instant")
    public static final String INITIATED = "CamelOssInitiated";

    @Metadata(
            label = "consumer",
            description = "The last activity of the stale upload: the newest of Initiated and the "
                    + "LastModified of its newest part (when its parts were listed).",
            javaType = "java.time.Instant")
    public static final String LAST_ACTIVITY = "CamelOssLastActivity";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: uploads the pass listed.",
            javaType = "Long")
    public static final String PASS_LISTED = "CamelOssPassListed";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: uploads judged stale.",
            javaType = "Long")
    public static final String PASS_STALE = "CamelOssPassStale";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: exchanges the pass emitted, this one " + "included.",
            javaType = "Long")
    public static final String PASS_EMITTED = "CamelOssPassEmitted";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: uploads aborted so far (every earlier "
                    + "exchange of the pass that finished; this one is aborted after it succeeds).",
            javaType = "Long")
    public static final String PASS_ABORTED = "CamelOssPassAborted";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: aborts the server refused so far.",
            javaType = "Long")
    public static final String PASS_ABORT_FAILURES = "CamelOssPassAbortFailures";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: bytes stored by the stale uploads' "
                    + "parts, when their parts were listed (else null).",
            javaType = "Long")
    public static final String PASS_STORED_BYTES = "CamelOssPassStoredBytes";

    @Metadata(
            label = "consumer",
            description = "On the last exchange of a janitor pass: uploads skipped because a producer of "
                    + "this application is running them.",
            javaType = "Long")
    public static final String PASS_LIVE_SKIPPED = "CamelOssPassLiveSkipped";

    @Metadata(label = "consumer", description = "The storage class of the stale upload.", javaType = "String")
    public static final String STORAGE_CLASS = "CamelOssStorageClass";

    @Metadata(
            label = "consumer",
            description = "Bytes stored by the stale upload's parts: what aborting it reclaims "
                    + "(when its parts were listed: staleBy=lastActivity or includeParts).",
            javaType = "Long")
    public static final String STORED_BYTES = "CamelOssStoredBytes";

    @Metadata(
            label = "producer",
            description =
                    "listMultipartUploads: only uploads whose key starts with this (wins over the " + "prefix option).",
            javaType = "String")
    public static final String PREFIX = "CamelOssPrefix";

    @Metadata(
            label = "producer",
            description = "listMultipartUploads: the key marker of the page to read.",
            javaType = "String")
    public static final String KEY_MARKER = "CamelOssKeyMarker";

    @Metadata(
            label = "producer",
            description = "listMultipartUploads: the upload id marker of the page to read.",
            javaType = "String")
    public static final String UPLOAD_ID_MARKER = "CamelOssUploadIdMarker";

    @Metadata(label = "producer", description = "listMultipartUploads: the page size (1..1000).", javaType = "Integer")
    public static final String MAX_UPLOADS = "CamelOssMaxUploads";

    @Metadata(
            label = "producer",
            description = "listMultipartUploads: the key marker of the next page.",
            javaType = "String")
    public static final String NEXT_KEY_MARKER = "CamelOssNextKeyMarker";

    @Metadata(
            label = "producer",
            description = "listMultipartUploads: the upload id marker of the next page.",
            javaType = "String")
    public static final String NEXT_UPLOAD_ID_MARKER = "CamelOssNextUploadIdMarker";

    @Metadata(label = "producer", description = "List operations: whether more pages follow.", javaType = "Boolean")
    public static final String IS_TRUNCATED = "CamelOssIsTruncated";

    @Metadata(label = "producer", description = "listParts: list parts after this part number.", javaType = "Integer")
    public static final String PART_NUMBER_MARKER = "CamelOssPartNumberMarker";

    @Metadata(label = "producer", description = "listParts: the page size (1..1000).", javaType = "Integer")
    public static final String MAX_PARTS = "CamelOssMaxParts";

    @Metadata(
            label = "producer",
            description = "listParts: the part number marker of the next page.",
            javaType = "Integer")
    public static final String NEXT_PART_NUMBER_MARKER = "CamelOssNextPartNumberMarker";

    private OssMultipartConstants() {}
}
