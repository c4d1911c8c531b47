package org.ossmultipart.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.ObjectTags;
import org.ossmultipart.camel.oss.model.TrafficLimit;
import org.ossmultipart.camel.oss.model.UploadCallback;

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

    /**
     * Content type, metadata, tags, HTTP headers, callback and traffic limit for the object the exchange
     * names: each header wins over its option, whole (a tag set in the header replaces the option's). The
     * options were checked when the endpoint was created: what fails here names the header it came in.
     */
    ObjectOptions objectOptions(Exchange exchange) {
        Message m = exchange.getMessage();
        String contentType = m.getHeader(OssMultipartConstants.CONTENT_TYPE, String.class);
        if (contentType == null) {
            contentType = config.getContentType();
        }
        if (contentType == null) {
            contentType = m.getHeader(Exchange.CONTENT_TYPE, String.class);
        }
        ObjectOptions.Builder b = ObjectOptions.builder()
                .storageClass(config.getStorageClass())
                .serverSideEncryption(config.getServerSideEncryption())
                .objectAcl(config.getObjectAcl())
                .forbidOverwrite(config.isForbidOverwrite());
        String type = contentType;
        blame(OssMultipartConstants.CONTENT_TYPE, () -> b.contentType(type));
        blame(
                OssMultipartConstants.CACHE_CONTROL,
                () -> b.cacheControl(either(m, OssMultipartConstants.CACHE_CONTROL, config.getCacheControl())));
        blame(
                OssMultipartConstants.CONTENT_DISPOSITION,
                () -> b.contentDisposition(
                        either(m, OssMultipartConstants.CONTENT_DISPOSITION, config.getContentDisposition())));
        blame(
                OssMultipartConstants.CONTENT_ENCODING,
                () -> b.contentEncoding(
                        either(m, OssMultipartConstants.CONTENT_ENCODING, config.getContentEncoding())));
        blame(
                OssMultipartConstants.EXPIRES,
                () -> b.expires(either(m, OssMultipartConstants.EXPIRES, config.getExpires())));
        blame(OssMultipartConstants.USER_METADATA, () -> b.userMetadata(map(m, OssMultipartConstants.USER_METADATA)));
        blame(OssMultipartConstants.TAGGING, () -> b.tags(tags(m)));
        blame(OssMultipartConstants.CALLBACK, () -> b.callback(callback(m)));
        blame(
                OssMultipartConstants.CALLBACK_VAR,
                () -> b.callbackVariables(map(m, OssMultipartConstants.CALLBACK_VAR)));
        String trafficLimit = m.getHeader(OssMultipartConstants.TRAFFIC_LIMIT, String.class);
        blame(
                OssMultipartConstants.TRAFFIC_LIMIT,
                () -> b.trafficLimit(
                        trafficLimit == null
                                ? config.getTrafficLimitBits()
                                : TrafficLimit.parse("header " + OssMultipartConstants.TRAFFIC_LIMIT, trafficLimit)));
        return b.build();
    }

    /** Runs one setting of the builder; its error names the header the value came in. */
    private void blame(String header, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + " (header " + header + " of an exchange to oss-multipart:" + bucket + ")", e);
        }
    }

    private static String either(Message m, String header, String option) {
        String value = m.getHeader(header, String.class);
        return value != null ? value : option;
    }

    private ObjectTags tags(Message m) {
        Object header = m.getHeader(OssMultipartConstants.TAGGING);
        if (header instanceof Map<?, ?> map) {
            return ObjectTags.of("header " + OssMultipartConstants.TAGGING, map);
        }
        if (header != null) {
            return ObjectTags.parse("header " + OssMultipartConstants.TAGGING, header.toString());
        }
        return ObjectTags.parse("tagging", config.getTagging());
    }

    private UploadCallback callback(Message m) {
        String json = m.getHeader(OssMultipartConstants.CALLBACK, String.class);
        return json != null
                ? UploadCallback.ofJson("header " + OssMultipartConstants.CALLBACK, json)
                : config.callback();
    }

    /** A Map header as strings; an error naming the header when it is something else. */
    private static Map<String, String> map(Message m, String header) {
        Object value = m.getHeader(header);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("header " + header + " must be a Map<String, String>, was "
                    + value.getClass().getName());
        }
        Map<String, String> strings = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> strings.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return strings;
    }
}
