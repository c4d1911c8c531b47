package org.ossmultipart.testkit;

/** The OSS operations the local server implements; used by the request log and fault injection. */
public enum OssOperation {
    PUT_BUCKET,
    PUT_OBJECT,
    GET_OBJECT,
    /** GetObjectTagging ({@code GET /key?tagging}). */
    GET_OBJECT_TAGGING,
    HEAD_OBJECT,
    DELETE_OBJECT,
    INITIATE_MULTIPART_UPLOAD,
    UPLOAD_PART,
    COMPLETE_MULTIPART_UPLOAD,
    ABORT_MULTIPART_UPLOAD,
    LIST_MULTIPART_UPLOADS,
    LIST_PARTS,
    /** ListObjects, v1 or v2 ({@code list-type=2}). */
    LIST_OBJECTS,
    /** A request the server could not map to an operation. */
    UNKNOWN
}
