package org.ossmultipart.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.model.ObjectOptions;

/** Reads which object an exchange names and how it is stored: headers first, then the endpoint's options. */
final class ExchangeObjects {

    private final OssMultipartConfiguration config;
    private final String bucket;

    ExchangeObjects(OssMultipartConfiguration config, String bucket) {
        this.config = config;
        this.bucket = bucket;
    }

    /** The object key: header CamelOssKey, else the keyName option, else the file name. */
    String key(Exchange exchange) {
        Message m = exchange.getMessage();
        String key = m.getHeader(OssMultipartConstants.KEY, String.class);
        if (key == null || key.isEmpty()) {
            key = config.getKeyName();
        }
        if (key == null || key.isEmpty()) {
            key = m.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the object key is empty: set header " + OssMultipartConstants.KEY
                    + ", option keyName or header " + Exchange.FILE_NAME);
        }
        OssNames.validateKey(key);
        return key;
    }

    /** Content type, metadata and the endpoint's object settings for the object the exchange names. */
    ObjectOptions objectOptions(Exchange exchange) {
        Message m = exchange.getMessage();
        String contentType = m.getHeader(OssMultipartConstants.CONTENT_TYPE, String.class);
        if (contentType == null) {
            contentType = config.getContentType();
        }
        if (contentType == null) {
            contentType = m.getHeader(Exchange.CONTENT_TYPE, String.class);
        }
        Object meta = m.getHeader(OssMultipartConstants.USER_METADATA);
        if (meta != null && !(meta instanceof Map)) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.USER_METADATA
                    + " must be a Map<String, String>, was " + meta.getClass().getName());
        }
        Map<String, String> userMetadata = new LinkedHashMap<>();
        if (meta != null) {
            ((Map<?, ?>) meta)
                    .forEach((k, v) -> userMetadata.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        try {
            return ObjectOptions.builder()
                    .contentType(contentType)
                    .storageClass(config.getStorageClass())
                    .serverSideEncryption(config.getServerSideEncryption())
                    .objectAcl(config.getObjectAcl())
                    .forbidOverwrite(config.isForbidOverwrite())
                    .userMetadata(userMetadata)
                    .build();
        } catch (IllegalArgumentException e) {
            // the endpoint's own settings were checked when it was created: what fails here came with the exchange
            throw new IllegalArgumentException(
                    e.getMessage() + " (header " + OssMultipartConstants.USER_METADATA
                            + " of an exchange to oss-multipart:" + bucket + ")",
                    e);
        }
    }
}
